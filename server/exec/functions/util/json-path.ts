/**
 * The JSON path subset ksqlDB's EXTRACTJSONFIELD accepts: `$`, `.field`, `['field']`, `["field"]`
 * and `[index]` (0-based). Compiled paths are cached.
 */
import type { JsonValue } from './json-tree';

export type PathStep = string | number;

const cache = new Map<string, PathStep[]>();

export function compileJsonPath(path: string): PathStep[] {
  const hit = cache.get(path);
  if (hit) return hit;
  const steps: PathStep[] = [];
  let i = path.startsWith('$') ? 1 : 0;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      let j = i + 1;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      steps.push(path.slice(i + 1, j));
      i = j;
    } else if (c === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) throw new Error(`Invalid JSON path: ${path}`);
      const inner = path.slice(i + 1, close).trim();
      const quoted = /^(['"])(.*)\1$/.exec(inner);
      if (quoted) steps.push(quoted[2]!);
      else if (/^-?\d+$/.test(inner)) steps.push(Number(inner));
      else throw new Error(`Invalid JSON path: ${path}`);
      i = close + 1;
    } else {
      throw new Error(`Invalid JSON path: ${path}`);
    }
  }
  if (cache.size > 500) cache.clear();
  cache.set(path, steps);
  return steps;
}

/** Follows the path; undefined where it leads nowhere. */
export function followJsonPath(v: JsonValue, steps: readonly PathStep[]): JsonValue | undefined {
  let cur: JsonValue | undefined = v;
  for (const s of steps) {
    if (cur === undefined || cur === null) return undefined;
    if (typeof s === 'number') {
      if (!Array.isArray(cur) || s < 0) return undefined;
      cur = cur[s];
    } else {
      if (!(cur instanceof Map)) return undefined;
      cur = cur.get(s);
    }
  }
  return cur;
}
