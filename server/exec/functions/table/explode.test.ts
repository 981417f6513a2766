import { describe, expect, it } from 'vitest';
import { INTEGER, STRING, array, map } from '../../../types/sql-type';
import { isResolutionError, resolveTableFunction } from '../index';

function tf(name: string, type: Parameters<typeof array>[0]) {
  const r = resolveTableFunction(name, [{ kind: 'value', type }]);
  if (isResolutionError(r)) throw new Error(r.message);
  return r;
}

describe('EXPLODE', () => {
  it('yields one value per element', () => {
    const r = tf('EXPLODE', array(INTEGER));
    expect(r.returnType).toEqual(INTEGER);
    expect(r.invoke([1, null, 3])).toEqual([1, null, 3]);
    expect(r.invoke(null)).toEqual([]);
    expect(r.invoke([])).toEqual([]);
  });

  it('accepts arrays only', () => {
    expect(
      isResolutionError(resolveTableFunction('EXPLODE', [{ kind: 'value', type: map(STRING, INTEGER) }])),
    ).toBe(true);
  });
});

describe('CUBE_EXPLODE', () => {
  it('yields every grouping set in ksqlDB order', () => {
    const r = tf('CUBE_EXPLODE', array(STRING));
    expect(r.returnType).toEqual(array(STRING));
    expect(r.invoke(['a', 'b'])).toEqual([
      [null, null],
      [null, 'b'],
      ['a', null],
      ['a', 'b'],
    ]);
    expect(r.invoke(['a', null])).toEqual([
      [null, null],
      ['a', null],
    ]);
    expect(r.invoke(null)).toEqual([]);
  });
});
