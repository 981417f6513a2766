/**
 * A small language for function signatures, parsed once at registration:
 *
 *   'str STRING'  'pos INT'  '...vals T'  'arr ARRAY<T>'  'm MAP<K, V>'  'fn (T) => U'
 *
 * Primitive names stand for themselves (INT = INTEGER); DECIMAL matches any precision and scale;
 * STRUCT matches any struct; a bare identifier that is not a type name (T, U, K, V, S, E) is a
 * generic bound by the arguments.
 */
import type { SqlType } from '../../types/sql-type';

export type TypePattern =
  | { readonly p: 'prim'; readonly type: SqlType }
  | { readonly p: 'decimal' }
  | { readonly p: 'struct' }
  | { readonly p: 'var'; readonly name: string }
  | { readonly p: 'array'; readonly element: TypePattern }
  | { readonly p: 'map'; readonly key: TypePattern; readonly value: TypePattern }
  | { readonly p: 'lambda'; readonly params: readonly TypePattern[]; readonly result: TypePattern };

export interface ParamPattern {
  readonly name: string;
  readonly type: TypePattern;
  readonly variadic: boolean;
  readonly description: string;
}

const PRIMS: Record<string, SqlType> = {
  BOOLEAN: { kind: 'BOOLEAN' },
  INT: { kind: 'INTEGER' },
  INTEGER: { kind: 'INTEGER' },
  BIGINT: { kind: 'BIGINT' },
  DOUBLE: { kind: 'DOUBLE' },
  STRING: { kind: 'STRING' },
  VARCHAR: { kind: 'STRING' },
  BYTES: { kind: 'BYTES' },
  TIMESTAMP: { kind: 'TIMESTAMP' },
  DATE: { kind: 'DATE' },
  TIME: { kind: 'TIME' },
};

const TOKEN = /\s*(=>|[A-Za-z_][A-Za-z0-9_]*|[<>(),])/y;

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  peek(): string | undefined {
    TOKEN.lastIndex = this.pos;
    return TOKEN.exec(this.text)?.[1];
  }
  next(): string {
    TOKEN.lastIndex = this.pos;
    const m = TOKEN.exec(this.text);
    if (!m) throw new Error(`Bad type pattern '${this.text}' at ${this.pos}`);
    this.pos = TOKEN.lastIndex;
    return m[1]!;
  }
  expect(t: string): void {
    const got = this.next();
    if (got !== t) throw new Error(`Bad type pattern '${this.text}': expected ${t}, got ${got}`);
  }
  done(): boolean {
    return this.text.slice(this.pos).trim() === '';
  }
}

export function parseTypePattern(text: string): TypePattern {
  const c = new Cursor(text);
  const t = readType(c);
  if (!c.done()) throw new Error(`Bad type pattern '${text}': trailing text`);
  return t;
}

function readType(c: Cursor): TypePattern {
  const tok = c.next();
  if (tok === '(') {
    const params: TypePattern[] = [];
    if (c.peek() !== ')') {
      params.push(readType(c));
      while (c.peek() === ',') {
        c.next();
        params.push(readType(c));
      }
    }
    c.expect(')');
    c.expect('=>');
    return { p: 'lambda', params, result: readType(c) };
  }
  const upper = tok.toUpperCase();
  if (upper === 'ARRAY') {
    c.expect('<');
    const element = readType(c);
    c.expect('>');
    return { p: 'array', element };
  }
  if (upper === 'MAP') {
    c.expect('<');
    const key = readType(c);
    c.expect(',');
    const value = readType(c);
    c.expect('>');
    return { p: 'map', key, value };
  }
  if (upper === 'DECIMAL') return { p: 'decimal' };
  if (upper === 'STRUCT') return { p: 'struct' };
  const prim = PRIMS[upper];
  if (prim) return { p: 'prim', type: prim };
  return { p: 'var', name: tok };
}

/** Parses `'name TYPE'`, `'...name TYPE'`; an optional description follows a `|`. */
export function parseParam(spec: string): ParamPattern {
  const [head = '', description = ''] = spec.split('|');
  const m = /^\s*(\.\.\.)?([A-Za-z_][A-Za-z0-9_]*)\s+(.+?)\s*$/.exec(head);
  if (!m) throw new Error(`Bad parameter spec '${spec}'`);
  return {
    name: m[2]!,
    variadic: m[1] !== undefined,
    type: parseTypePattern(m[3]!),
    description: description.trim(),
  };
}

/** ksqlDB's display form of a pattern (DESCRIBE FUNCTION, error messages). */
export function formatPattern(t: TypePattern): string {
  switch (t.p) {
    case 'prim':
      return t.type.kind === 'STRING' ? 'VARCHAR' : t.type.kind === 'INTEGER' ? 'INT' : t.type.kind;
    case 'decimal':
      return 'DECIMAL';
    case 'struct':
      return 'STRUCT';
    case 'var':
      return t.name;
    case 'array':
      return `ARRAY<${formatPattern(t.element)}>`;
    case 'map':
      return `MAP<${formatPattern(t.key)}, ${formatPattern(t.value)}>`;
    case 'lambda':
      return `LAMBDA (${t.params.map(formatPattern).join(', ')}) => ${formatPattern(t.result)}`;
  }
}

/** The concrete type of a pattern under `bindings`, or undefined if a generic is unbound. */
export function substitute(t: TypePattern, bindings: ReadonlyMap<string, SqlType>): SqlType | undefined {
  switch (t.p) {
    case 'prim':
      return t.type;
    case 'var':
      return bindings.get(t.name);
    case 'array': {
      const e = substitute(t.element, bindings);
      return e && { kind: 'ARRAY', element: e };
    }
    case 'map': {
      const k = substitute(t.key, bindings);
      const v = substitute(t.value, bindings);
      return k && v && { kind: 'MAP', key: k, value: v };
    }
    default:
      return undefined;
  }
}

export function collectVars(t: TypePattern, into: Set<string>): Set<string> {
  switch (t.p) {
    case 'var':
      into.add(t.name);
      break;
    case 'array':
      collectVars(t.element, into);
      break;
    case 'map':
      collectVars(t.key, into);
      collectVars(t.value, into);
      break;
    case 'lambda':
      t.params.forEach((x) => collectVars(x, into));
      collectVars(t.result, into);
      break;
    default:
      break;
  }
  return into;
}
