import { stripComments } from '../lib/sql/split';

/** Statements the CLI handles itself, as the ksql CLI does. */
export type LocalStatement =
  | { readonly kind: 'set'; readonly name: string; readonly value: string }
  | { readonly kind: 'unset'; readonly name: string }
  | { readonly kind: 'define'; readonly name: string; readonly value: string }
  | { readonly kind: 'undefine'; readonly name: string }
  | { readonly kind: 'run-script'; readonly path: string };

export type Classified =
  | { readonly kind: 'local'; readonly statement: LocalStatement }
  /** SELECT or PRINT: streamed from /query. */
  | { readonly kind: 'query' }
  /** Everything else: batched into /ksql. */
  | { readonly kind: 'statement' };

const STRING = "'((?:[^']|'')*)'";
const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
const patterns: readonly [RegExp, (m: RegExpExecArray) => LocalStatement][] = [
  [
    new RegExp(`^SET\\s+${STRING}\\s*=\\s*${STRING}$`, 'is'),
    (m) => ({ kind: 'set', name: unquote(m[1]), value: unquote(m[2]) }),
  ],
  [new RegExp(`^UNSET\\s+${STRING}$`, 'is'), (m) => ({ kind: 'unset', name: unquote(m[1]) })],
  [
    new RegExp(`^DEFINE\\s+${NAME}\\s*=\\s*${STRING}$`, 'is'),
    (m) => ({ kind: 'define', name: m[1] ?? '', value: unquote(m[2]) }),
  ],
  [new RegExp(`^UNDEFINE\\s+${NAME}$`, 'is'), (m) => ({ kind: 'undefine', name: m[1] ?? '' })],
  [new RegExp(`^RUN\\s+SCRIPT\\s+${STRING}$`, 'is'), (m) => ({ kind: 'run-script', path: unquote(m[1]) })],
];

function unquote(text: string | undefined): string {
  return (text ?? '').replaceAll("''", "'");
}

/** Decides where a statement (without its `;`) goes. */
export function classify(statement: string): Classified {
  const text = stripComments(statement).trim();
  for (const [pattern, build] of patterns) {
    const m = pattern.exec(text);
    if (m) return { kind: 'local', statement: build(m) };
  }
  if (/^(SELECT|PRINT)\b/i.test(text)) return { kind: 'query' };
  return { kind: 'statement' };
}
