import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../types/decimal';
import {
  BIGINT,
  BOOLEAN,
  BYTES,
  DOUBLE,
  INTEGER,
  STRING,
  array,
  decimal,
  map,
  struct,
  type SqlType,
} from '../../../types/sql-type';
import { isResolutionError, resolveAggregate } from '../index';
import type { Aggregator, ResolvedAggregate } from '../types';

function agg(name: string, types: (SqlType | null)[], constants: unknown[] = []): ResolvedAggregate {
  const r = resolveAggregate(name, types, constants);
  if (isResolutionError(r)) throw new Error(r.message);
  return r;
}

/** Feeds rows (each an argument list) and returns the result after every row. */
function run(a: Aggregator, rows: unknown[][]): unknown[] {
  let acc = a.initial();
  return rows.map((r) => {
    acc = a.add(acc, r);
    return a.result(acc);
  });
}

/** The result of folding rows, then checks that JSON round trips and splitting + merging agree. */
function fold(a: Aggregator, rows: unknown[][]): unknown {
  let acc = a.initial();
  for (const r of rows) acc = a.add(acc, r);
  const result = a.result(acc);
  const json = JSON.parse(JSON.stringify(a.toJSON(acc))) as unknown;
  expect(a.result(a.fromJSON(json))).toEqual(result);
  return result;
}

function foldSplit(a: Aggregator, rows: unknown[][], at: number): unknown {
  let x = a.initial();
  let y = a.initial();
  rows.slice(0, at).forEach((r) => (x = a.add(x, r)));
  rows.slice(at).forEach((r) => (y = a.add(y, r)));
  const xBefore = a.result(x);
  const merged = a.merge(x, y);
  expect(a.result(x)).toEqual(xBefore); // merge leaves its inputs alone
  return a.result(merged);
}

const rows = (...vs: unknown[]): unknown[][] => vs.map((v) => [v]);
const d = (s: string): Decimal => Decimal.parse(s);

describe('COUNT and COUNT_DISTINCT', () => {
  it('counts rows or non-NULL values, retractably', () => {
    const star = agg('COUNT', []).create();
    expect(run(star, [[], [], []])).toEqual([1, 2, 3]);
    const col = agg('COUNT', [STRING]);
    expect(col.returnType).toEqual(BIGINT);
    expect(col.supportsUndo).toBe(true);
    const a = col.create();
    expect(fold(a, rows('a', null, 'b'))).toBe(2);
    expect(a.undo!(a.add(a.initial(), ['x']), ['x'])).toBe(0);
    expect(foldSplit(a, rows('a', null, 'b', 'c'), 2)).toBe(3);
  });

  it('counts distinct values', () => {
    const a = agg('COUNT_DISTINCT', [STRING]).create();
    expect(run(a, rows('one', 'two', 'one', null))).toEqual([1, 2, 2, 2]);
    expect(fold(a, rows('a', 'b', 'a'))).toBe(2);
    expect(foldSplit(a, rows('a', 'b', 'a', 'c'), 2)).toBe(3);
  });
});

describe('SUM, SUM_LIST and AVG', () => {
  it('sums by type', () => {
    expect(agg('SUM', [INTEGER]).returnType).toEqual(INTEGER);
    expect(run(agg('SUM', [INTEGER]).create(), rows(1, null, 2147483647))).toEqual([1, 1, -2147483648]);
    expect(fold(agg('SUM', [BIGINT]).create(), rows(2147483648, 100))).toBe(2147483748);
    expect(fold(agg('SUM', [DOUBLE]).create(), rows(5.4, 100.1))).toBeCloseTo(105.5);
    expect(fold(agg('SUM', [INTEGER]).create(), [])).toBe(0);
  });

  it('sums decimals within their type and fails on overflow', () => {
    const r = agg('SUM', [decimal(3, 1)]);
    expect(r.returnType).toEqual(decimal(3, 1));
    const a = r.create();
    expect(fold(a, rows(d('5.4'), d('10.1')))?.toString()).toBe('15.5');
    expect(() => run(a, rows(d('50.9'), d('50.8')))).toThrow('Numeric field overflow');
    expect(String(a.undo!(a.add(a.initial(), [d('1.5')]), [d('1.5')]))).toBe('0.0');
    expect(foldSplit(a, rows(d('1.1'), d('2.2'), d('3.3')), 1)?.toString()).toBe('6.6');
  });

  it('sums list elements', () => {
    const a = agg('SUM_LIST', [array(DOUBLE)]).create();
    expect(run(a, rows([1, 1], [2, 2], [1, null]))).toEqual([2, 6, 7]);
  });

  it('averages as DOUBLE with undo', () => {
    const r = agg('AVG', [INTEGER]);
    expect(r.returnType).toEqual(DOUBLE);
    const a = r.create();
    expect(run(a, rows(1, 2, 2, null))).toEqual([1, 1.5, 5 / 3, 5 / 3]);
    expect(a.result(a.undo!(a.add(a.add(a.initial(), [1]), [3]), [3]))).toBe(1);
    expect(fold(a, [])).toBeNull();
    expect(foldSplit(a, rows(1, 2, 3, 6), 1)).toBe(3);
    expect(fold(agg('AVG', [decimal(3, 1)]).create(), rows(d('1.5'), d('2.5')))).toBe(2);
  });
});

describe('MIN, MAX and ATTR', () => {
  it('keeps extremes of orderable types', () => {
    expect(run(agg('MAX', [INTEGER]).create(), rows(3, null, 7, 5))).toEqual([3, 3, 7, 7]);
    expect(fold(agg('MIN', [STRING]).create(), rows('b', 'a', 'c'))).toBe('a');
    expect(fold(agg('MAX', [decimal(3, 1)]).create(), rows(d('1.5'), d('-2.0')))).toEqual(d('1.5'));
    expect(fold(agg('MIN', [BYTES]).create(), rows(Buffer.from('b'), Buffer.from('a')))).toEqual(
      Buffer.from('a'),
    );
    expect(foldSplit(agg('MAX', [DOUBLE]).create(), rows(1, 9, 3), 2)).toBe(9);
    expect(agg('MAX', [INTEGER]).supportsUndo).toBe(false);
    expect(isResolutionError(resolveAggregate('MAX', [map(STRING, INTEGER)], [undefined]))).toBe(true);
  });

  it('returns the common value, NULL once values differ, and retracts', () => {
    const a = agg('ATTR', [STRING]).create();
    expect(run(a, rows('1', '1', '1'))).toEqual(['1', '1', '1']);
    expect(run(a, rows('1', null, '1'))).toEqual(['1', null, null]);
    expect(run(a, rows(null, null))).toEqual([null, null]);
    let acc = a.initial();
    acc = a.add(acc, ['1']);
    acc = a.add(acc, ['2']);
    expect(a.result(acc)).toBeNull();
    expect(a.result(a.undo!(acc, ['2']))).toBe('1');
    const s = agg('ATTR', [struct([{ name: 'A', type: STRING }])]).create();
    expect(fold(s, rows({ A: 'a' }, { A: 'a' }))).toEqual({ A: 'a' });
    expect(foldSplit(a, rows('x', 'x', 'y'), 2)).toBeNull();
  });
});

describe('LATEST_BY_OFFSET and EARLIEST_BY_OFFSET', () => {
  it('keeps the latest non-NULL value by default', () => {
    const a = agg('LATEST_BY_OFFSET', [INTEGER]).create();
    expect(run(a, rows(12, null, 13))).toEqual([12, 12, 13]);
  });

  it('counts NULLs when asked', () => {
    const a = agg('LATEST_BY_OFFSET', [INTEGER, BOOLEAN], [undefined, false]).create();
    expect(run(a, rows(12, null, 13))).toEqual([12, null, 13]);
  });

  it('keeps the latest n values, oldest first', () => {
    const r = agg('LATEST_BY_OFFSET', [INTEGER, INTEGER], [undefined, 2]);
    expect(r.returnType).toEqual(array(INTEGER));
    expect(r.paramTypes).toEqual([INTEGER]);
    expect(run(r.create(), rows(12, null, 13, 14))).toEqual([[12], [12], [12, 13], [13, 14]]);
    const withNulls = agg('LATEST_BY_OFFSET', [INTEGER, INTEGER, BOOLEAN], [undefined, 2, false]).create();
    expect(run(withNulls, rows(12, null, 13))).toEqual([[12], [12, null], [null, 13]]);
    expect(fold(r.create(), rows(null, null))).toEqual([]);
  });

  it('keeps the earliest values', () => {
    expect(run(agg('EARLIEST_BY_OFFSET', [STRING]).create(), rows(null, 'a', 'b'))).toEqual([null, 'a', 'a']);
    const n = agg('EARLIEST_BY_OFFSET', [INTEGER, INTEGER], [undefined, 2]).create();
    expect(run(n, rows(1, 2, 3))).toEqual([[1], [1, 2], [1, 2]]);
  });

  it('merges by arrival order (session windows)', () => {
    const a = agg('LATEST_BY_OFFSET', [INTEGER]).create();
    const first = a.add(a.initial(), [1]);
    const second = a.add(a.initial(), [2]);
    expect(a.result(a.merge(second, first))).toBe(2);
    expect(a.result(a.merge(first, a.initial()))).toBe(1);
    const e = agg('EARLIEST_BY_OFFSET', [INTEGER]).create();
    expect(e.result(e.merge(e.add(e.initial(), [5]), e.add(e.initial(), [6])))).toBe(5);
    expect(fold(a, rows(1, 2))).toBe(2);
  });

  it('requires literal, valid constants', () => {
    expect(
      isResolutionError(resolveAggregate('LATEST_BY_OFFSET', [INTEGER, INTEGER], [undefined, undefined])),
    ).toBe(true);
    expect(isResolutionError(resolveAggregate('LATEST_BY_OFFSET', [INTEGER, INTEGER], [undefined, 0]))).toBe(
      true,
    );
  });
});

describe('COLLECT_LIST, COLLECT_SET and HISTOGRAM', () => {
  it('collects lists with undo', () => {
    const a = agg('COLLECT_LIST', [INTEGER]).create();
    expect(run(a, rows(1, 2, 1))).toEqual([[1], [1, 2], [1, 2, 1]]);
    let acc = a.add(a.add(a.initial(), [1]), [2]);
    acc = a.undo!(acc, [1]);
    expect(a.result(acc)).toEqual([2]);
    expect(foldSplit(a, rows(1, 2, 3), 1)).toEqual([1, 2, 3]);
  });

  it('collects distinct values, maps equal regardless of order', () => {
    const a = agg('COLLECT_SET', [map(STRING, INTEGER)]).create();
    const m1 = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const m2 = new Map([
      ['b', 2],
      ['a', 1],
    ]);
    expect(fold(a, rows(m1, m2))).toEqual([m1]);
    const s = agg('COLLECT_SET', [INTEGER]).create();
    expect(run(s, rows(500, 100, 500, null, null))).toEqual([
      [500],
      [500, 100],
      [500, 100],
      [500, 100, null],
      [500, 100, null],
    ]);
    expect(s.result(s.undo!(s.add(s.initial(), [1]), [1]))).toEqual([]);
    expect(foldSplit(s, rows(1, 2, 1, 3), 2)).toEqual([1, 2, 3]);
    expect(fold(agg('COLLECT_SET', [decimal(2, 1)]).create(), rows(d('1.0'), d('1.0')))).toEqual([d('1.0')]);
  });

  it('honours the configured limits', () => {
    const s = resolveAggregate('COLLECT_SET', [INTEGER], [undefined], {
      'ksql.functions.collect_set.limit': 1,
    });
    if (isResolutionError(s)) throw new Error(s.message);
    expect(run(s.create(), rows(0, 100))).toEqual([[0], [0]]);
    const l = resolveAggregate('COLLECT_LIST', [INTEGER], [undefined], {
      'ksql.functions.collect_list.limit': '2',
    });
    if (isResolutionError(l)) throw new Error(l.message);
    expect(run(l.create(), rows(1, 2, 3))).toEqual([[1], [1, 2], [1, 2]]);
  });

  it('counts strings', () => {
    const a = agg('HISTOGRAM', [STRING]).create();
    expect(run(a, rows('foo', 'bar', 'foo'))).toEqual([
      new Map([['foo', 1]]),
      new Map([
        ['foo', 1],
        ['bar', 1],
      ]),
      new Map([
        ['foo', 2],
        ['bar', 1],
      ]),
    ]);
    expect(a.result(a.undo!(a.add(a.initial(), ['x']), ['x']))).toEqual(new Map());
    expect(foldSplit(a, rows('a', 'b', 'a'), 1)).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
  });
});

describe('TOPK and TOPKDISTINCT', () => {
  it('keeps the k largest values', () => {
    const a = agg('TOPK', [INTEGER, INTEGER], [undefined, 3]).create();
    expect(run(a, rows(0, 100, 99, 7, null))).toEqual([
      [0],
      [100, 0],
      [100, 99, 0],
      [100, 99, 7],
      [100, 99, 7],
    ]);
    const s = agg('TOPK', [STRING, INTEGER], [undefined, 3]).create();
    expect(run(s, rows('a', 'b', 'c', 'b'))).toEqual([['a'], ['b', 'a'], ['c', 'b', 'a'], ['c', 'b', 'b']]);
    expect(foldSplit(a, rows(5, 1, 9, 3, 7), 2)).toEqual([9, 7, 5]);
    expect(fold(a, rows(1, 2))).toEqual([2, 1]);
  });

  it('returns structs with companion columns', () => {
    const r = agg('TOPK', [INTEGER, STRING, INTEGER], [undefined, undefined, 2]);
    expect(r.returnType).toEqual(
      array(
        struct([
          { name: 'sort_col', type: INTEGER },
          { name: 'col0', type: STRING },
        ]),
      ),
    );
    expect(r.paramTypes).toEqual([INTEGER, STRING]);
    const a = r.create();
    expect(
      fold(a, [
        [0, 'zero'],
        [100, 'one'],
        [null, 'x'],
        [99, 'two'],
      ]),
    ).toEqual([
      { sort_col: 100, col0: 'one' },
      { sort_col: 99, col0: 'two' },
    ]);
  });

  it('keeps distinct values', () => {
    const a = agg('TOPKDISTINCT', [STRING, INTEGER], [undefined, 3]).create();
    expect(run(a, rows('a', 'b', 'c', 'b'))).toEqual([['a'], ['b', 'a'], ['c', 'b', 'a'], ['c', 'b', 'a']]);
    const dec = agg('TOPKDISTINCT', [decimal(2, 1), INTEGER], [undefined, 2]).create();
    expect(fold(dec, rows(d('9.8'), d('8.9'), d('9.8')))).toEqual([d('9.8'), d('8.9')]);
  });

  it('rejects a bad k', () => {
    const r = resolveAggregate('TOPK', [INTEGER, INTEGER], [undefined, -1]);
    expect(isResolutionError(r) && r.message).toContain('positive integer');
  });
});

describe('standard deviation and correlation', () => {
  it('computes ksqlDB-compatible STDDEV_SAMP (variance) and STDDEV_SAMPLE', () => {
    expect(run(agg('STDDEV_SAMP', [INTEGER]).create(), rows(0, 10))).toEqual([0, 50]);
    expect(run(agg('STDDEV_SAMPLE', [INTEGER]).create(), rows(50, 10))).toEqual([0, 28.284271247461902]);
    const s = agg('STDDEV_SAMPLE', [DOUBLE]).create();
    expect(fold(s, rows(10, 12, 13, 14))).toBeCloseTo(1.707825127659933, 12);
    expect(foldSplit(s, rows(10, 12, 13, 14), 2)).toBeCloseTo(1.707825127659933, 12);
    let acc = s.initial();
    for (const v of [10, 12, 13, 14, 100]) acc = s.add(acc, [v]);
    acc = s.undo!(acc, [100]);
    expect(s.result(acc)).toBeCloseTo(1.707825127659933, 9);
    expect(fold(s, [])).toBeNull();
  });

  it('correlates two columns', () => {
    const a = agg('CORRELATION', [DOUBLE, DOUBLE]).create();
    expect(
      fold(a, [
        [1, 2],
        [2, 4],
        [3, 6],
        [null, 1],
      ]),
    ).toBeCloseTo(1, 12);
    expect(
      fold(a, [
        [1, 3],
        [2, 2],
        [3, 1],
      ]),
    ).toBeCloseTo(-1, 12);
    expect(
      foldSplit(
        a,
        [
          [1, 2],
          [2, 4.5],
          [3, 5],
          [4, 9],
        ],
        2,
      ),
    ).toBeCloseTo(
      fold(a, [
        [1, 2],
        [2, 4.5],
        [3, 5],
        [4, 9],
      ]) as number,
      12,
    );
  });
});

describe('aggregate resolution', () => {
  it('reports unknown functions and bad arguments', () => {
    const r = resolveAggregate('NOPE', [], []);
    expect(isResolutionError(r) && r.error).toBe('not-found');
    const s = resolveAggregate('SUM', [STRING], [undefined]);
    expect(isResolutionError(s) && s.message).toContain("Function 'SUM' does not accept parameters (STRING)");
  });
});
