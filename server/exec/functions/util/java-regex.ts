/**
 * Java regular expressions on the JavaScript engine. The common syntax is shared; Java-only pieces
 * that users write in practice are translated: leading inline flags `(?i)`, `\A`, `\Z`, `\z`,
 * possessive quantifiers (treated as greedy) and `$`-style replacement strings. Compiled patterns
 * are cached because the pattern is usually a literal that arrives with every row.
 */
const cache = new Map<string, RegExp>();
const MAX_CACHE = 500;

// Java's POSIX classes have no JavaScript spelling; Unicode classes (\p{L}) need the u flag.
const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Space: ' \\t\\n\\x0B\\f\\r',
  XDigit: '0-9a-fA-F',
};

function translate(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = '';
  const inline = /^\(\?([imsux]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]!) if (f === 'i' || f === 'm' || f === 's') flags += f;
  }
  source = source
    .replace(/\\A/g, '^')
    .replace(/\\[Zz]/g, '$')
    .replace(/\\([pP])\{(?:Is)?(\w+)\}/g, (m: string, p: string, name: string) => {
      const cls = POSIX[name];
      if (cls === undefined) return m;
      return p === 'p' ? `[${cls}]` : `[^${cls}]`;
    })
    // possessive quantifiers (a++, a*+, a{2}+) behave as greedy ones here; not after \p{…}
    .replace(/(?<!\\)([*+?]|\{\d+(?:,\d*)?\})\+/g, '$1');
  if (/\\[pP]\{/.test(source)) flags += 'u';
  return { source, flags };
}

/** A global RegExp for `pattern` (callers must reset lastIndex or use matchAll/replace). */
export function javaRegex(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) {
    hit.lastIndex = 0;
    return hit;
  }
  const { source, flags } = translate(pattern);
  let re: RegExp;
  try {
    re = new RegExp(source, `g${flags}`);
  } catch (e) {
    throw new Error(`Invalid regular expression pattern: ${pattern} (${(e as Error).message})`);
  }
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(pattern, re);
  return re;
}

/** Java's Matcher.replaceAll replacement syntax (`$1`, `${name}`, `\$`) in JavaScript's (`$$`). */
export function javaReplacement(replacement: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!;
    if (c === '\\' && i + 1 < replacement.length) {
      const n = replacement[++i]!;
      out += n === '$' ? '$$' : n;
    } else if (c === '$' && replacement[i + 1] === '{') {
      const end = replacement.indexOf('}', i);
      out += `$<${replacement.slice(i + 2, end)}>`;
      i = end;
    } else out += c;
  }
  return out;
}

/**
 * Java's Pattern.split(input, -1): trailing empty strings are kept, a zero-width match at the
 * start yields no leading empty string, and capture groups are not spliced in (unlike String.split).
 */
export function regexSplit(input: string, pattern: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const m of input.matchAll(javaRegex(pattern))) {
    if (m[0] === '' && m.index === 0) continue;
    out.push(input.slice(last, m.index));
    last = m.index + m[0].length;
  }
  out.push(input.slice(last));
  return out;
}
