/**
 * Higher-order functions. Lambda arguments arrive as plain JS functions taking their parameters
 * positionally; a lambda that throws fails the whole call, as in ksqlDB.
 */
import { hashKey } from '../../../types/compare';
import type { ScalarSpec } from '../define';

const CAT = 'LAMBDA';
type Arr = readonly unknown[];
type AnyMap = ReadonlyMap<unknown, unknown>;
type Fn1 = (a: unknown) => unknown;
type Fn2 = (a: unknown, b: unknown) => unknown;
type Fn3 = (a: unknown, b: unknown, c: unknown) => unknown;

function transformMap(m: AnyMap, kf: Fn2, vf: Fn2): Map<unknown, unknown> {
  const out = new Map<unknown, unknown>();
  const seen = new Set<unknown>();
  for (const [k, v] of m) {
    const nk = kf(k, v);
    const h = hashKey(nk);
    if (seen.has(h)) throw new Error(`Duplicate key ${String(nk)} produced by TRANSFORM`);
    seen.add(h);
    out.set(nk, vf(k, v));
  }
  return out;
}

export const LAMBDA_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'TRANSFORM',
    category: CAT,
    description: 'Applies a lambda to every array element, or lambdas to every map key and value.',
    variants: [
      {
        params: ['array ARRAY<T>', 'function (T) => U'],
        returns: 'ARRAY<U>',
        impl: (a: Arr, f: Fn1) => {
          const out = new Array<unknown>(a.length);
          for (let i = 0; i < a.length; i++) out[i] = f(a[i]);
          return out;
        },
      },
      {
        params: ['map MAP<K, V>', 'keyFunction (K, V) => K2', 'valueFunction (K, V) => V2'],
        returns: 'MAP<K2, V2>',
        impl: transformMap,
      },
    ],
  },
  {
    name: 'FILTER',
    category: CAT,
    description: 'The array elements, or map entries, for which the lambda returns true.',
    variants: [
      {
        params: ['array ARRAY<T>', 'predicate (T) => BOOLEAN'],
        returns: 'ARRAY<T>',
        impl: (a: Arr, f: Fn1) => {
          const out: unknown[] = [];
          for (const x of a) if (f(x) === true) out.push(x);
          return out;
        },
      },
      {
        params: ['map MAP<K, V>', 'predicate (K, V) => BOOLEAN'],
        returns: 'MAP<K, V>',
        impl: (m: AnyMap, f: Fn2) => {
          const out = new Map<unknown, unknown>();
          for (const [k, v] of m) if (f(k, v) === true) out.set(k, v);
          return out;
        },
      },
    ],
  },
  {
    name: 'REDUCE',
    category: CAT,
    description:
      'Folds an array or map into a single value, starting from an initial state; a NULL collection yields the state.',
    variants: [
      {
        params: ['array ARRAY<T>', 'initialState S', 'function (S, T) => S'],
        returns: 'S',
        nulls: 'custom',
        impl: (a: Arr | null, s: unknown, f: Fn2) => {
          if (s === null) return null;
          let acc: unknown = s;
          for (const x of a ?? []) acc = f(acc, x);
          return acc;
        },
      },
      {
        params: ['map MAP<K, V>', 'initialState S', 'function (S, K, V) => S'],
        returns: 'S',
        nulls: 'custom',
        impl: (m: AnyMap | null, s: unknown, f: Fn3) => {
          if (s === null) return null;
          let acc: unknown = s;
          for (const [k, v] of m ?? []) acc = f(acc, k, v);
          return acc;
        },
      },
    ],
  },
];
