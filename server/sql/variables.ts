import type { Diagnostic } from '../../lib/contracts/diagnostics';
import { isIdentPart, isIdentStart } from './lexer';
import type { LineIndex } from './line-index';
import { SYNTAX_ERROR_CODE } from './parser';

/** Variables by upper-cased name: ksqlDB variable names are case-insensitive. */
export type VariableMap = ReadonlyMap<string, string>;

export function variableMap(vars: Readonly<Record<string, string>> | undefined): Map<string, string> {
  const m = new Map<string, string>();
  for (const [k, v] of Object.entries(vars ?? {})) m.set(k.toUpperCase(), v);
  return m;
}

/** One run of the output: either copied from the input or the value of one `${name}`. */
interface Segment {
  readonly out: number;
  readonly from: number;
  readonly to: number;
  readonly replaced: boolean;
}

export interface Substitution {
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Maps an offset in `text` to one in `source`; inside a substituted value it snaps to the `${...}`. */
  toOriginal(offset: number, isEnd: boolean): number;
}

/**
 * Replaces every `${name}` in `source[from, to)` with its value, as ksqlDB does before parsing:
 * in code, string literals and quoted identifiers alike, but not inside comments. An undefined
 * variable is an error with the span of its reference.
 */
export function substituteVariables(
  source: string,
  from: number,
  to: number,
  vars: VariableMap,
  lines: LineIndex,
): Substitution {
  const segments: Segment[] = [];
  const diagnostics: Diagnostic[] = [];
  let out = '';
  let copyFrom = from;
  const flush = (end: number): void => {
    if (end > copyFrom) {
      segments.push({ out: out.length, from: copyFrom, to: end, replaced: false });
      out += source.slice(copyFrom, end);
    }
  };
  let i = from;
  while (i < to) {
    const c = source.charCodeAt(i);
    if (c === 45 && source.charCodeAt(i + 1) === 45) {
      const nl = source.indexOf('\n', i);
      i = nl < 0 || nl > to ? to : nl;
      continue;
    }
    if (c === 47 && source.charCodeAt(i + 1) === 42) {
      const close = source.indexOf('*/', i + 2);
      i = close < 0 || close + 2 > to ? to : close + 2;
      continue;
    }
    if (c === 36 && source.charCodeAt(i + 1) === 123 && isIdentStart(source.charCodeAt(i + 2))) {
      let j = i + 3;
      while (j < to && isIdentPart(source.charCodeAt(j))) j++;
      if (source.charCodeAt(j) === 125 && j < to) {
        const name = source.slice(i + 2, j);
        const value = vars.get(name.toUpperCase());
        if (value === undefined) {
          const span = lines.span(i, j + 1);
          diagnostics.push({
            severity: 'error',
            code: SYNTAX_ERROR_CODE,
            message: `Undefined variable '${name}' at line ${span.startLine}, column ${span.startColumn}: define it with DEFINE ${name} = '...';`,
            span,
          });
        } else {
          flush(i);
          segments.push({ out: out.length, from: i, to: j + 1, replaced: true });
          out += value;
          copyFrom = j + 1;
        }
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  flush(to);
  return {
    text: out,
    diagnostics,
    toOriginal(offset: number, isEnd: boolean): number {
      // The segment holding the character at `offset` (or, for an end offset, the one before it).
      let lo = 0;
      let hi = segments.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        const out = segments[mid]?.out ?? 0;
        if (isEnd ? out < offset : out <= offset) lo = mid;
        else hi = mid - 1;
      }
      const seg = segments[lo];
      if (seg === undefined) return from;
      if (seg.replaced) return isEnd ? seg.to : seg.from;
      return Math.min(Math.max(seg.from + (offset - seg.out), seg.from), seg.to);
    },
  };
}
