/**
 * Finding a schema's fields in a JSON object the way ksqlDB does: a field whose name matches
 * exactly wins; otherwise the JSON key upper-cased must equal the column name as written (so
 * unquoted, upper-case column names match any case, and a quoted `"foo"` matches only `foo`).
 * Among keys that differ only in case, the last one wins.
 *
 * Per record this is one pass over the object's keys with a cached key → column lookup; the
 * cache is bounded so that hostile documents with endless distinct keys cannot grow it.
 */
const CACHE_LIMIT = 4096;
const NO_FIELD = -1;

/** Returns, per schema field, the raw JSON node found for it (undefined when absent). */
export type FieldLookup = (obj: Record<string, unknown>) => unknown[];

export function createFieldLookup(names: readonly string[]): FieldLookup {
  const count = names.length;
  const exact = new Map<string, number>();
  names.forEach((n, i) => exact.set(n, i));
  // code ≥ 0: exact match of field `code`; code ≤ -2: case-insensitive match of field -code-2.
  const cache = new Map<string, number>();
  const codeOf = (key: string): number => {
    let code = cache.get(key);
    if (code === undefined) {
      const e = exact.get(key);
      if (e !== undefined) code = e;
      else {
        const ci = exact.get(key.toUpperCase());
        code = ci === undefined ? NO_FIELD : -ci - 2;
      }
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, code);
    }
    return code;
  };
  return (obj) => {
    const found: unknown[] = new Array(count);
    let insensitive: unknown[] | undefined;
    for (const key in obj) {
      const code = codeOf(key);
      if (code >= 0) found[code] = obj[key];
      else if (code !== NO_FIELD) (insensitive ??= new Array(count))[-code - 2] = obj[key];
    }
    if (insensitive !== undefined) {
      for (let i = 0; i < count; i++) if (found[i] === undefined) found[i] = insensitive[i];
    }
    return found;
  };
}

/** Sets an own property, also for the name `__proto__` (which plain assignment would not create). */
export function defineField(obj: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(obj, name, { value, enumerable: true, writable: true, configurable: true });
}
