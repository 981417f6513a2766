/**
 * Compiles java.time DateTimeFormatter patterns (`yyyy-MM-dd'T'HH:mm:ss.SSSXXX`) into a token list
 * shared by the formatter and the parser. Compiled patterns are cached: functions such as
 * FORMAT_TIMESTAMP receive the same pattern string on every row.
 */
export type PatternToken =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'field'; readonly letter: string; readonly count: number }
  | { readonly kind: 'optional'; readonly tokens: readonly PatternToken[] };

export interface CompiledPattern {
  readonly source: string;
  readonly tokens: readonly PatternToken[];
  /** True if the pattern prints or reads an offset or zone (X, x, Z, z, O, V). */
  readonly hasZone: boolean;
}

// Letters java.time accepts; others throw as DateTimeFormatter.ofPattern does.
const KNOWN_LETTERS = new Set('GuyDMLdQqYwWEecFaBhKkHmsSAnNVvzOXxZ'.split(''));
const ZONE_LETTERS = new Set(['X', 'x', 'Z', 'z', 'O', 'V', 'v']);
const cache = new Map<string, CompiledPattern>();
const MAX_CACHE = 1000;

export function compilePattern(pattern: string): CompiledPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const state = { pos: 0, hasZone: false };
  const tokens = compileSection(pattern, state, false);
  const compiled: CompiledPattern = { source: pattern, tokens, hasZone: state.hasZone };
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function compileSection(
  p: string,
  state: { pos: number; hasZone: boolean },
  nested: boolean,
): PatternToken[] {
  const tokens: PatternToken[] = [];
  const pushLiteral = (text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') tokens[tokens.length - 1] = { kind: 'literal', text: last.text + text };
    else tokens.push({ kind: 'literal', text });
  };
  while (state.pos < p.length) {
    const c = p[state.pos]!;
    if (isLetter(c)) {
      let end = state.pos;
      while (p[end] === c) end++;
      const count = end - state.pos;
      if (!KNOWN_LETTERS.has(c)) throw new Error(`Unknown pattern letter: ${c}`);
      checkCount(c, count);
      if (ZONE_LETTERS.has(c)) state.hasZone = true;
      tokens.push({ kind: 'field', letter: c, count });
      state.pos = end;
    } else if (c === "'") {
      const close = p.indexOf("'", state.pos + 1);
      if (close === state.pos + 1) {
        pushLiteral("'");
        state.pos += 2;
        continue;
      }
      let text = '';
      let i = state.pos + 1;
      for (;;) {
        if (i >= p.length) throw new Error(`Pattern ends with an incomplete string literal: ${p}`);
        if (p[i] === "'") {
          if (p[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          break;
        }
        text += p[i];
        i++;
      }
      pushLiteral(text);
      state.pos = i + 1;
    } else if (c === '[') {
      state.pos++;
      tokens.push({ kind: 'optional', tokens: compileSection(p, state, true) });
    } else if (c === ']') {
      if (!nested) throw new Error(`Pattern invalid as it contains ] without previous [`);
      state.pos++;
      return tokens;
    } else if (c === '{' || c === '}' || c === '#') {
      throw new Error(`Pattern includes reserved character: '${c}'`);
    } else {
      pushLiteral(c);
      state.pos++;
    }
  }
  return tokens;
}

const MAX_COUNT: Record<string, number> = {
  G: 5,
  M: 5,
  L: 5,
  d: 2,
  Q: 5,
  q: 5,
  E: 5,
  e: 5,
  c: 5,
  F: 1,
  a: 1,
  h: 2,
  K: 2,
  k: 2,
  H: 2,
  m: 2,
  s: 2,
  D: 3,
  V: 2,
  z: 4,
  O: 4,
  X: 5,
  x: 5,
  Z: 5,
  w: 2,
  W: 1,
  v: 4,
  B: 5,
};

function checkCount(letter: string, count: number): void {
  const max = MAX_COUNT[letter];
  if (max !== undefined && count > max) throw new Error(`Too many pattern letters: ${letter}`);
  if (letter === 'V' && count !== 2) throw new Error('Pattern letter count must be 2: V');
  if (letter === 'O' && count !== 1 && count !== 4) throw new Error('Pattern letter count must be 1 or 4: O');
}
