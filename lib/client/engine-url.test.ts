import { describe, expect, it } from 'vitest';
import { resolveEngineUrl } from './engine-url';

describe('resolveEngineUrl', () => {
  const here = { protocol: 'http:', hostname: 'box.local' };
  it('defaults to port 8088 on the page host', () => {
    expect(resolveEngineUrl(here, null, undefined)).toBe('http://box.local:8088');
  });
  it('prefers a stored URL, then the build-time one, and ignores junk', () => {
    expect(resolveEngineUrl(here, 'http://e:9000/', 'http://b:1')).toBe('http://e:9000');
    expect(resolveEngineUrl(here, 'javascript:alert(1)', 'http://b:1')).toBe('http://b:1');
  });
});
