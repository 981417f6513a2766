import { describe, expect, it } from 'vitest';
import { Decimal } from '../../types/decimal';
import { fromTypedBuffer, toTypedBuffer } from './typed-json';

describe('typed JSON for internal topics', () => {
  it('round-trips decimals, bytes, maps, structs and nulls', () => {
    const row = [
      Decimal.parse('12.50'),
      Buffer.from([1, 2, 255]),
      new Map<unknown, unknown>([
        ['a', 1],
        [2, null],
      ]),
      { NAME: 'x', NESTED: { $weird: true } },
      null,
      [1.5, 'two'],
    ];
    const back = fromTypedBuffer(toTypedBuffer(row)) as unknown[];
    expect((back[0] as Decimal).toString()).toBe('12.50');
    expect(Buffer.from(back[1] as Uint8Array)).toEqual(Buffer.from([1, 2, 255]));
    expect([...(back[2] as Map<unknown, unknown>).entries()]).toEqual([
      ['a', 1],
      [2, null],
    ]);
    expect(back[3]).toEqual({ NAME: 'x', NESTED: { $weird: true } });
    expect(back.slice(4)).toEqual([null, [1.5, 'two']]);
  });
});
