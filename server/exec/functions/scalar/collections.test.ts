import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../types/decimal';
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  INTEGER,
  STRING,
  array,
  decimal,
  map,
  struct,
} from '../../../types/sql-type';
import { call, resolve } from '../testing';

const AI = array(INTEGER);
const AS = array(STRING);
const I = INTEGER;
const S = STRING;
const m = (...e: [unknown, unknown][]): Map<unknown, unknown> => new Map(e);

describe('array functions', () => {
  it.each([
    ['ARRAY_LENGTH', [AI], [[1, 2, null]], 3],
    ['ARRAY_LENGTH', [AI], [null], null],
    ['ARRAY_CONTAINS', [AS, S], [['Pink', null], 'Pink'], true],
    ['ARRAY_CONTAINS', [AS, S], [['a', null], null], true],
    ['ARRAY_CONTAINS', [AS, S], [null, 'a'], false],
    ['ARRAY_CONTAINS', [array(AI), AI], [[[1, 2]], [1, 2]], true],
    ['ARRAY_JOIN', [array(BOOLEAN)], [[true, null, false]], 'true,null,false'],
    ['ARRAY_JOIN', [array(DOUBLE), S], [[1.23, 0], ' '], '1.23 0.0'],
    ['ARRAY_JOIN', [AI, S], [[1, 2], null], '12'],
    ['ARRAY_SORT', [AI], [[0, null, 1, -1]], [-1, 0, 1, null]],
    ['ARRAY_SORT', [AI, S], [[0, null, 1, -1], 'desc'], [1, 0, -1, null]],
    ['ARRAY_SORT', [AS], [['foo', 'Food', 'F', 'fo']], ['F', 'Food', 'fo', 'foo']],
    ['ARRAY_SORT', [AI, S], [[1], 'sideways'], null],
    ['ARRAY_MAX', [AI], [[0, null, 5, -1]], 5],
    ['ARRAY_MIN', [array(BOOLEAN)], [[null, true, false]], false],
    ['ARRAY_MAX', [AI], [[]], null],
    ['SLICE', [AS, I, I], [['a', 'b', 'c', 'd'], 2, 3], ['b', 'c']],
    ['SLICE', [AS, I, I], [['a', 'b'], 0, 5], ['a', 'b']],
    ['SLICE', [AS, I, I], [['a', 'b'], 2, 1], []],
    ['GENERATE_SERIES', [I, I], [4, 1], [4, 3, 2, 1]],
    ['GENERATE_SERIES', [I, I, I], [-2, 1, 2], [-2, 0]],
    ['GENERATE_SERIES', [BIGINT, BIGINT, BIGINT], [9, 0, -3], [9, 6, 3, 0]],
    ['ARRAY_DISTINCT', [AI], [[1, 1, null, 2, null]], [1, null, 2]],
    ['ARRAY_REMOVE', [AS, S], [['foo', 'bar', 'foo'], 'foo'], ['bar']],
    ['ARRAY_REMOVE', [AI, I], [[0, null, 1], null], [0, 1]],
    ['ARRAY_REMOVE', [AI, I], [null, 1], null],
    [
      'ARRAY_UNION',
      [AI, AI],
      [
        [1, 2, 2],
        [3, 1],
      ],
      [1, 2, 3],
    ],
    [
      'ARRAY_INTERSECT',
      [AI, AI],
      [
        [1, 2, 2, 3],
        [3, 2],
      ],
      [2, 3],
    ],
    ['ARRAY_EXCEPT', [AI, AI], [[1, 2, 2, 3], [3]], [1, 2]],
    ['ARRAY_UNION', [AI, AI], [null, [1]], null],
    ['ARRAY_CONCAT', [AI, AI], [[1], null], [1]],
    ['ARRAY_CONCAT', [AI, AI], [null, null], null],
  ])('%s(%j) = %j', (name, types, args, expected) => expect(call(name, types, ...args)).toEqual(expected));

  it('sorts and compares decimals by value', () => {
    const t = array(decimal(3, 1));
    const d = (s: string): Decimal => Decimal.parse(s);
    expect(call('ARRAY_SORT', [t], [d('9.0'), d('-9.9'), d('1.1')])).toEqual([d('-9.9'), d('1.1'), d('9.0')]);
    expect(call('ARRAY_REMOVE', [t, decimal(3, 1)], [d('1.0'), d('2.0')], d('1.0'))).toEqual([d('2.0')]);
  });

  it('types generically', () => {
    expect(resolve('ARRAY_MAX', array(DOUBLE)).returnType).toEqual(DOUBLE);
    expect(resolve('ARRAY_CONTAINS', AI, BIGINT).paramTypes).toEqual([array(BIGINT), BIGINT]);
    expect(resolve('ARRAY_UNION', AI, array(DOUBLE)).returnType).toEqual(array(DOUBLE));
    expect(() => resolve('ARRAY_MAX', array(map(S, I)))).toThrow('does not accept');
    expect(() => resolve('ARRAY_JOIN', array(AI))).toThrow('does not accept');
  });

  it('refuses bad series', () => {
    expect(() => call('GENERATE_SERIES', [I, I, I], 0, 5, 0)).toThrow('zero');
    expect(() => call('GENERATE_SERIES', [I, I, I], 0, 5, -1)).toThrow('wrong sign');
  });
});

describe('map functions', () => {
  const MSI = map(S, I);
  it.each([
    ['MAP_KEYS', [MSI], [m(['a', 1], ['b', null])], ['a', 'b']],
    ['MAP_VALUES', [MSI], [m(['a', 1], ['b', null])], [1, null]],
    ['MAP_KEYS', [MSI], [null], null],
    [
      'MAP_UNION',
      [MSI, MSI],
      [m(['foo', 10], ['bar', 20]), m(['foo', 99], ['x', -1])],
      m(['foo', 99], ['bar', 20], ['x', -1]),
    ],
    ['MAP_UNION', [MSI, MSI], [m(['a', 1]), null], m(['a', 1])],
    [
      'AS_MAP',
      [AS, AI],
      [
        ['a', 'b', 'c'],
        [1, 2],
      ],
      m(['a', 1], ['b', 2], ['c', null]),
    ],
    [
      'ENTRIES',
      [MSI, BOOLEAN],
      [m(['b', 2], ['a', 1]), true],
      [
        { K: 'a', V: 1 },
        { K: 'b', V: 2 },
      ],
    ],
    [
      'ENTRIES',
      [MSI, BOOLEAN],
      [m(['b', 2], ['a', 1]), false],
      [
        { K: 'b', V: 2 },
        { K: 'a', V: 1 },
      ],
    ],
  ])('%s(%j) = %j', (name, types, args, expected) => expect(call(name, types, ...args)).toEqual(expected));

  it('types entries as structs', () => {
    expect(resolve('ENTRIES', map(S, DOUBLE), BOOLEAN).returnType).toEqual(
      array(
        struct([
          { name: 'K', type: S },
          { name: 'V', type: DOUBLE },
        ]),
      ),
    );
    expect(resolve('MAP_KEYS', map(I, S)).returnType).toEqual(AI);
  });
});
