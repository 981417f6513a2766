import { describe, expect, it } from 'vitest';
import { createCredentialVerifier } from './credentials';

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('createCredentialVerifier', () => {
  it('allows everything when nothing is configured', () => {
    const v = createCredentialVerifier({ basicAuth: [], apiKeys: [] });
    expect(v.enabled).toBe(false);
    expect(v.verify({})).toBe(true);
  });

  it('accepts configured basic-auth users and rejects wrong passwords', () => {
    const v = createCredentialVerifier({ basicAuth: [{ user: 'alice', password: 'p:w' }], apiKeys: [] });
    expect(v.enabled).toBe(true);
    expect(v.verify({ authorization: basic('alice', 'p:w') })).toBe(true);
    expect(v.verify({ authorization: basic('alice', 'p') })).toBe(false);
    expect(v.verify({ authorization: basic('bob', 'p:w') })).toBe(false);
    expect(v.verify({ authorization: 'Basic !!!' })).toBe(false);
    expect(v.verify({})).toBe(false);
  });

  it('accepts API keys as a bearer token or a separate key', () => {
    const v = createCredentialVerifier({ basicAuth: [], apiKeys: ['k-1', 'k-2'] });
    expect(v.verify({ authorization: 'Bearer k-2' })).toBe(true);
    expect(v.verify({ apiKey: 'k-1' })).toBe(true);
    expect(v.verify({ apiKey: 'k-3' })).toBe(false);
    expect(v.verify({ authorization: 'Bearer ' })).toBe(false);
    expect(v.verify({ authorization: 'Digest k-1' })).toBe(false);
  });
});
