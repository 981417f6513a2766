import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from './nearest-name';

describe('nearestName', () => {
  it('measures edits case-insensitively', () => {
    expect(editDistance('amount', 'AMOUNT')).toBe(0);
    expect(editDistance('AMOUTN', 'AMOUNT')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests the nearest candidate only when it is close', () => {
    expect(nearestName('AMOUTN', ['ID', 'AMOUNT', 'ITEM'])).toBe('AMOUNT');
    expect(nearestName('ITME', ['ID', 'AMOUNT', 'ITEM'])).toBe('ITEM');
    expect(nearestName('REGION', ['ID', 'AMOUNT'])).toBeUndefined();
  });
});
