import type { Diagnostic } from '../../lib/contracts/diagnostics';
import type { Span } from '../../lib/contracts/span';
import type { Token } from './token';

type Fix = NonNullable<Diagnostic['fixes']>[number];

const STATEMENT_STARTS: ReadonlySet<string> = new Set([
  'SELECT', 'CREATE', 'INSERT', 'DROP', 'SHOW', 'LIST', 'DESCRIBE', 'EXPLAIN', 'PRINT', 'TERMINATE',
  'ALTER', 'SET', 'UNSET', 'DEFINE', 'UNDEFINE', 'RUN', 'PAUSE', 'RESUME', 'ASSERT',
]); // prettier-ignore

/** Levenshtein distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * Quick fixes for a syntax error whose cure is clear: a misspelled keyword (close to exactly one
 * expected keyword) or a missing `;` before the next statement.
 *
 * @param found the offending token and its span; @param before a zero-width span just after the
 *   previous token (where a missing `;` goes).
 */
export function syntaxFixes(
  labels: readonly string[],
  found: Token,
  foundSpan: Span,
  before: Span,
): Fix[] | undefined {
  if (found.kind !== 'word') return undefined;
  if (labels.includes("';'") && STATEMENT_STARTS.has(found.value)) {
    return [{ title: "Insert ';' to end the previous statement", edits: [{ span: before, text: ';' }] }];
  }
  if (found.value.length < 3) return undefined;
  const max = found.value.length <= 4 ? 1 : 2;
  const close = labels.filter((l) => /^[A-Z]+$/.test(l) && distance(found.value, l, max) <= max);
  const only = close[0];
  if (close.length !== 1 || only === undefined) return undefined;
  return [{ title: `Replace with ${only}`, edits: [{ span: foundSpan, text: only }] }];
}
