/** Map functions: MAP_KEYS, MAP_VALUES, MAP_UNION, AS_MAP, ENTRIES. */
import { compareNullsLast } from '../../../types/compare';
import type { ScalarSpec } from '../define';

const CAT = 'MAP';
type AnyMap = ReadonlyMap<unknown, unknown>;

export const MAP_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'MAP_KEYS',
    category: CAT,
    description: 'The keys of a map.',
    variants: [{ params: ['map MAP<K, V>'], returns: 'ARRAY<K>', impl: (m: AnyMap) => [...m.keys()] }],
  },
  {
    name: 'MAP_VALUES',
    category: CAT,
    description: 'The values of a map.',
    variants: [{ params: ['map MAP<K, V>'], returns: 'ARRAY<V>', impl: (m: AnyMap) => [...m.values()] }],
  },
  {
    name: 'MAP_UNION',
    category: CAT,
    description:
      'The entries of both maps; the second wins on equal keys. A NULL map counts as empty unless both are.',
    variants: [
      {
        params: ['map1 MAP<K, V>', 'map2 MAP<K, V>'],
        returns: 'MAP<K, V>',
        nulls: 'custom',
        impl: (a: AnyMap | null, b: AnyMap | null) =>
          a === null && b === null ? null : new Map([...(a ?? []), ...(b ?? [])]),
      },
    ],
  },
  {
    name: 'AS_MAP',
    category: CAT,
    description: 'A map built from an array of keys and an array of values, paired by position.',
    variants: [
      {
        params: ['keys ARRAY<STRING>', 'values ARRAY<V>'],
        returns: 'MAP<STRING, V>',
        impl: (ks: readonly (string | null)[], vs: readonly unknown[]) => {
          const out = new Map<string, unknown>();
          ks.forEach((k, i) => {
            if (k !== null) out.set(k, vs[i] ?? null);
          });
          return out;
        },
      },
    ],
  },
  {
    name: 'ENTRIES',
    category: CAT,
    description: 'The entries of a map as an array of STRUCT<K, V>, optionally sorted by key.',
    variants: [
      {
        params: ['map MAP<STRING, V>', 'sorted BOOLEAN'],
        returns: (ctx) => ({
          kind: 'ARRAY',
          element: {
            kind: 'STRUCT',
            fields: [
              { name: 'K', type: { kind: 'STRING' } },
              { name: 'V', type: ctx.bindings.get('V') ?? { kind: 'STRING' } },
            ],
          },
        }),
        returnsDoc: 'ARRAY<STRUCT<K VARCHAR, V V>>',
        nulls: 'custom',
        impl: (m: AnyMap | null, sorted: boolean | null) => {
          if (m === null) return null;
          const entries = [...m].map(([K, V]) => ({ K, V }));
          if (sorted) entries.sort((x, y) => compareNullsLast(x.K, y.K));
          return entries;
        },
      },
    ],
  },
];
