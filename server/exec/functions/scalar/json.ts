/** JSON functions over JSON text held in STRING values. */
import type { ScalarSpec } from '../define';
import { compileJsonPath, followJsonPath } from '../util/json-path';
import { JsonNumber, parseJsonTree, stringifyJsonTree, type JsonValue } from '../util/json-tree';
import { toJsonText } from '../util/to-json';

const CAT = 'JSON';

function extract(json: string, path: string): string | null {
  const tree = parseJsonTree(json, true);
  if (tree === undefined) return null;
  const v = followJsonPath(tree, compileJsonPath(path));
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  return stringifyJsonTree(v);
}

function jsonEquals(node: JsonValue, v: unknown): boolean {
  if (v === null) return node === null;
  if (typeof v === 'string') return node === v;
  if (typeof v === 'boolean') return node === v;
  if (typeof v === 'number') return node instanceof JsonNumber && Number(node.text) === v;
  return false;
}

function arrayContains(json: string | null, v: unknown): boolean {
  if (json === null) return false;
  const tree = parseJsonTree(json);
  if (!Array.isArray(tree)) return false;
  for (const n of tree) if (jsonEquals(n, v)) return true;
  return false;
}

function merge(docs: readonly JsonValue[]): JsonValue {
  if (docs.every((d) => d instanceof Map)) {
    const out = new Map<string, JsonValue>();
    for (const d of docs) for (const [k, v] of d as Map<string, JsonValue>) out.set(k, v);
    return out;
  }
  return docs.flatMap((d) => (Array.isArray(d) ? d : [d]));
}

const containsVariant = (type: string) => ({
  params: ['jsonArray STRING', `value ${type}`],
  returns: 'BOOLEAN',
  nulls: 'custom' as const,
  impl: arrayContains,
});

export const JSON_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'EXTRACTJSONFIELD',
    category: CAT,
    description:
      "Extracts a value from JSON text by a JSON path such as '$.a.b[0]'; strings unquoted, other values as JSON.",
    variants: [{ params: ['json STRING', 'path STRING'], returns: 'STRING', impl: extract }],
  },
  {
    name: 'IS_JSON_STRING',
    category: CAT,
    description: 'True if the string is valid JSON.',
    variants: [
      {
        params: ['json STRING'],
        returns: 'BOOLEAN',
        nulls: 'custom',
        impl: (s: string | null) => s !== null && parseJsonTree(s) !== undefined,
      },
    ],
  },
  {
    name: 'JSON_ARRAY_LENGTH',
    category: CAT,
    description: 'The number of elements of a JSON array; NULL if the text is not a JSON array.',
    variants: [
      {
        params: ['jsonArray STRING'],
        returns: 'INT',
        impl: (s: string) => {
          const t = parseJsonTree(s);
          return Array.isArray(t) ? t.length : null;
        },
      },
    ],
  },
  {
    name: 'JSON_ARRAY_CONTAINS',
    category: CAT,
    description: 'True if a JSON array contains the value; false for text that is not a JSON array.',
    variants: ['STRING', 'INT', 'BIGINT', 'DOUBLE', 'BOOLEAN'].map(containsVariant),
  },
  {
    name: 'JSON_KEYS',
    category: CAT,
    description: 'The keys of a JSON object; NULL if the text is not a JSON object.',
    variants: [
      {
        params: ['jsonObject STRING'],
        returns: 'ARRAY<STRING>',
        impl: (s: string) => {
          const t = parseJsonTree(s);
          return t instanceof Map ? [...t.keys()] : null;
        },
      },
    ],
  },
  {
    name: 'JSON_RECORDS',
    category: CAT,
    description: 'The entries of a JSON object as a map from key to JSON text; NULL if not an object.',
    variants: [
      {
        params: ['jsonObject STRING'],
        returns: 'MAP<STRING, STRING>',
        impl: (s: string) => {
          const t = parseJsonTree(s);
          if (!(t instanceof Map)) return null;
          return new Map([...t].map(([k, v]) => [k, stringifyJsonTree(v)]));
        },
      },
    ],
  },
  {
    name: 'JSON_ITEMS',
    category: CAT,
    description: 'The elements of a JSON array, each as JSON text; NULL if not an array.',
    variants: [
      {
        params: ['jsonArray STRING'],
        returns: 'ARRAY<STRING>',
        impl: (s: string) => {
          const t = parseJsonTree(s);
          return Array.isArray(t) ? t.map(stringifyJsonTree) : null;
        },
      },
    ],
  },
  {
    name: 'JSON_CONCAT',
    category: CAT,
    description:
      'Merges JSON objects (later keys win) or concatenates JSON arrays (other values become elements); NULL if any input is not JSON.',
    variants: [
      {
        params: ['...jsonStrings STRING'],
        returns: 'STRING',
        nulls: 'custom',
        impl: (...xs: (string | null)[]) => {
          if (xs.length === 0) return null;
          const docs: JsonValue[] = [];
          for (const x of xs) {
            const t = x === null ? undefined : parseJsonTree(x);
            if (t === undefined) return null;
            docs.push(t);
          }
          return stringifyJsonTree(merge(docs));
        },
      },
    ],
  },
  {
    name: 'TO_JSON_STRING',
    category: CAT,
    description: 'Serializes any value to JSON text.',
    variants: [
      {
        params: ['value T'],
        returns: 'STRING',
        nulls: 'custom',
        bind: (ctx) => {
          const t = ctx.params[0]!;
          return (v: unknown) => toJsonText(v, t);
        },
      },
    ],
  },
];
