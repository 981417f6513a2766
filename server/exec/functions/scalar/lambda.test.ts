import { describe, expect, it } from 'vitest';
import { DOUBLE, INTEGER, STRING, array, map, type SqlType } from '../../../types/sql-type';
import { isResolutionError, resolveScalar } from '../index';
import type { ArgShape, ResolvedScalar } from '../types';

const v = (type: SqlType | null): ArgShape => ({ kind: 'value', type });
const lambda = (arity: number, body: (ps: readonly SqlType[]) => SqlType): ArgShape => ({
  kind: 'lambda',
  arity,
  bodyType: body,
});

function resolve(name: string, ...args: ArgShape[]): ResolvedScalar {
  const r = resolveScalar(name, args);
  if (isResolutionError(r)) throw new Error(r.message);
  return r;
}

describe('TRANSFORM', () => {
  it('maps arrays and types the result from the body', () => {
    const r = resolve(
      'TRANSFORM',
      v(array(INTEGER)),
      lambda(1, () => STRING),
    );
    expect(r.returnType).toEqual(array(STRING));
    expect(r.lambdaParamTypes).toEqual([undefined, [INTEGER]]);
    expect(r.paramTypes[1]).toEqual(STRING);
    expect(r.invoke([1, 2], (x: unknown) => `#${String(x)}`)).toEqual(['#1', '#2']);
    expect(r.invoke(null, () => 1)).toBeNull();
  });

  it('maps maps with two lambdas and rejects duplicate keys', () => {
    const r = resolve(
      'TRANSFORM',
      v(map(STRING, INTEGER)),
      lambda(2, () => STRING),
      lambda(2, (ps) => ps[1]!),
    );
    expect(r.returnType).toEqual(map(STRING, INTEGER));
    const input = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    expect(
      r.invoke(
        input,
        (k: unknown) => `${String(k)}_x`,
        (_k: unknown, x: unknown) => x,
      ),
    ).toEqual(
      new Map([
        ['a_x', 1],
        ['b_x', 2],
      ]),
    );
    expect(() =>
      r.invoke(
        input,
        () => 'same',
        () => 0,
      ),
    ).toThrow('Duplicate key');
  });

  it('rejects a lambda of the wrong arity', () => {
    const r = resolveScalar('TRANSFORM', [v(array(INTEGER)), lambda(2, () => STRING)]);
    expect(isResolutionError(r) && r.error).toBe('no-match');
  });
});

describe('FILTER', () => {
  it('keeps elements and entries where the predicate is true', () => {
    const a = resolve(
      'FILTER',
      v(array(INTEGER)),
      lambda(1, () => ({ kind: 'BOOLEAN' })),
    );
    expect(a.invoke([1, 2, 3, null], (x: unknown) => (x === null ? null : (x as number) > 1))).toEqual([
      2, 3,
    ]);
    const m = resolve(
      'FILTER',
      v(map(STRING, INTEGER)),
      lambda(2, () => ({ kind: 'BOOLEAN' })),
    );
    expect(
      m.invoke(
        new Map([
          ['a', 1],
          ['b', 2],
        ]),
        (_k: unknown, x: unknown) => x === 2,
      ),
    ).toEqual(new Map([['b', 2]]));
  });

  it('requires a boolean predicate', () => {
    expect(isResolutionError(resolveScalar('FILTER', [v(array(INTEGER)), lambda(1, () => INTEGER)]))).toBe(
      true,
    );
  });
});

describe('REDUCE', () => {
  it('folds arrays, returning the state for a NULL array and NULL for a NULL state', () => {
    const r = resolve(
      'REDUCE',
      v(array(INTEGER)),
      v(INTEGER),
      lambda(2, (ps) => ps[0]!),
    );
    expect(r.returnType).toEqual(INTEGER);
    const add = (s: unknown, x: unknown): unknown => (s as number) + (x as number);
    expect(r.invoke([3, 6], 2, add)).toBe(11);
    expect(r.invoke(null, 2, add)).toBe(2);
    expect(r.invoke([1], null, add)).toBeNull();
  });

  it('widens the state to the body type', () => {
    const r = resolve(
      'REDUCE',
      v(array(DOUBLE)),
      v(INTEGER),
      lambda(2, (ps) => (ps[1]!.kind === 'DOUBLE' ? DOUBLE : ps[0]!)),
    );
    expect(r.returnType).toEqual(DOUBLE);
    expect(r.paramTypes[1]).toEqual(DOUBLE);
    expect(r.lambdaParamTypes[2]).toEqual([DOUBLE, DOUBLE]);
  });

  it('folds maps', () => {
    const r = resolve(
      'REDUCE',
      v(map(STRING, INTEGER)),
      v(INTEGER),
      lambda(3, (ps) => ps[0]!),
    );
    const f = (s: unknown, k: unknown, x: unknown): unknown =>
      (s as number) + (k as string).length * (x as number);
    expect(
      r.invoke(
        new Map([
          ['ab', 2],
          ['c', 1],
        ]),
        0,
        f,
      ),
    ).toBe(5);
  });
});
