import { lex } from '../lexer';

/** Test support: deterministic 32-bit PRNG (mulberry32), so fuzz runs are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB = [
  'SELECT', 'FROM', 'WHERE', 'GROUP', 'BY', 'PARTITION', 'HAVING', 'EMIT', 'CHANGES', 'FINAL', 'LIMIT',
  'OFFSET', 'ORDER', 'WINDOW', 'TUMBLING', 'HOPPING', 'SESSION', 'SIZE', 'ADVANCE', 'GRACE', 'PERIOD',
  'JOIN', 'LEFT', 'FULL', 'OUTER', 'ON', 'WITHIN', 'AS', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL',
  'BETWEEN', 'LIKE', 'ESCAPE', 'DISTINCT', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'CAST', 'ARRAY',
  'MAP', 'STRUCT', 'DECIMAL', 'CREATE', 'OR', 'REPLACE', 'STREAM', 'TABLE', 'TYPE', 'WITH', 'INSERT',
  'INTO', 'VALUES', 'DROP', 'ALTER', 'ADD', 'COLUMN', 'SHOW', 'DESCRIBE', 'EXPLAIN', 'PRINT', 'TERMINATE',
  'SET', 'DEFINE', 'ASSERT', 'KEY', 'PRIMARY', 'HEADERS', 'HEADER', 'SECONDS', 'DAY', 'INT', 'STRING',
  'x', 'y', '`q`', '"d"', "'s'", "''", '1', '2147483648', '1.5', '1e9', '-', '+', '*', '/', '%', '||',
  '=', '<>', '!=', '<', '>=', '->', '=>', ':=', '(', ')', '[', ']', ',', '.', ';', '${v}', '--c\n',
  '/*c*/', '@', '#', "'open", '`open', '/*open',
]; // prettier-ignore

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  const x = xs[Math.floor(rnd() * xs.length)];
  if (x === undefined) throw new Error('empty list');
  return x;
}

/** A random sequence of SQL-ish tokens. */
export function randomTokens(rnd: () => number): string {
  const n = 1 + Math.floor(rnd() * 30);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(rnd, VOCAB));
  return out.join(rnd() < 0.8 ? ' ' : '');
}

/** Random characters, printable ASCII mostly, with some line breaks and non-ASCII. */
export function randomChars(rnd: () => number): string {
  const n = Math.floor(rnd() * 60);
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rnd();
    s +=
      r < 0.05
        ? '\n'
        : r < 0.08
          ? String.fromCharCode(0x80 + Math.floor(rnd() * 0x3000))
          : String.fromCharCode(32 + Math.floor(rnd() * 95));
  }
  return s;
}

/** A valid statement changed at the token or character level. */
export function mutate(rnd: () => number, sql: string): string {
  const tokens = lex(sql).filter((t) => t.kind !== 'eof');
  const texts = tokens.map((t) => sql.slice(t.start, t.end));
  const i = Math.floor(rnd() * Math.max(1, texts.length));
  switch (Math.floor(rnd() * 8)) {
    case 0:
      texts.splice(i, 1);
      break;
    case 1:
      texts.splice(i, 0, texts[i] ?? ';');
      break;
    case 2:
      texts.splice(i, 0, pick(rnd, VOCAB));
      break;
    case 3: {
      const j = Math.floor(rnd() * Math.max(1, texts.length));
      const a = texts[i];
      const b = texts[j];
      if (a !== undefined && b !== undefined) {
        texts[i] = b;
        texts[j] = a;
      }
      break;
    }
    case 4:
      texts.length = i;
      break;
    case 5: {
      const at = Math.floor(rnd() * (sql.length + 1));
      return (
        sql.slice(0, at) +
        pick(rnd, ['(', ')', "'", '`', '"', '/*', '--', ';', '$', '{', '\n']) +
        sql.slice(at)
      );
    }
    case 6:
      texts[i] = pick(rnd, VOCAB);
      break;
    default: {
      const at = Math.floor(rnd() * (sql.length + 1));
      return sql.slice(0, at);
    }
  }
  return texts.join(' ');
}
