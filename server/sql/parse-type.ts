import type { SqlType, StructField } from '../types/sql-type';
import type { StructFieldNode, TypeNode } from './ast-type';
import { parseCount } from './parse-common';
import type { Parser } from './parser';
import type { Token } from './token';

const PRIMITIVES: Record<string, SqlType> = {
  BOOLEAN: { kind: 'BOOLEAN' },
  INT: { kind: 'INTEGER' },
  INTEGER: { kind: 'INTEGER' },
  BIGINT: { kind: 'BIGINT' },
  DOUBLE: { kind: 'DOUBLE' },
  VARCHAR: { kind: 'STRING' },
  STRING: { kind: 'STRING' },
  BYTES: { kind: 'BYTES' },
  TIMESTAMP: { kind: 'TIMESTAMP' },
  DATE: { kind: 'DATE' },
  TIME: { kind: 'TIME' },
};

/** Built-in type names offered by completion, in the order users reach for them. */
export const BUILTIN_TYPE_NAMES: readonly string[] = [
  'STRING', 'INT', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DECIMAL', 'TIMESTAMP', 'DATE', 'TIME', 'BYTES',
  'VARCHAR', 'INTEGER', 'ARRAY', 'MAP', 'STRUCT',
]; // prettier-ignore

function builtin(p: Parser, first: Token, type: SqlType): TypeNode {
  return { kind: 'BuiltinType', type, span: p.spanFrom(first) };
}

/** Resolves a type node to a SqlType when it contains no custom type names. */
export function builtinOf(node: TypeNode): SqlType | undefined {
  return node.kind === 'BuiltinType' ? node.type : undefined;
}

export function parseType(p: Parser): TypeNode {
  const saved = p.depth;
  p.deeper();
  const first = p.tok;
  let result: TypeNode;
  if (p.isKw('ARRAY') && p.isPunct('<', 1)) {
    p.advance();
    p.advance();
    const element = parseType(p);
    p.expectPunct('>');
    const el = builtinOf(element);
    result = el
      ? builtin(p, first, { kind: 'ARRAY', element: el })
      : { kind: 'ArrayType', element, span: p.spanFrom(first) };
  } else if (p.isKw('MAP') && p.isPunct('<', 1)) {
    p.advance();
    p.advance();
    const key = parseType(p);
    p.expectPunct(',');
    const value = parseType(p);
    p.expectPunct('>');
    const k = builtinOf(key);
    const v = builtinOf(value);
    result =
      k && v
        ? builtin(p, first, { kind: 'MAP', key: k, value: v })
        : { kind: 'MapType', key, value, span: p.spanFrom(first) };
  } else if (p.isKw('STRUCT') && (p.isPunct('<', 1) || p.isPunct('<>', 1))) {
    result = parseStruct(p, first);
  } else if (p.isKw('DECIMAL')) {
    p.advance();
    p.expectPunct('(');
    const precision = parseCount(p);
    p.expectPunct(',');
    const scale = parseCount(p);
    p.expectPunct(')');
    result = builtin(p, first, { kind: 'DECIMAL', precision, scale });
  } else {
    for (const w of ['STRING', 'INT', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DECIMAL', 'ARRAY', 'MAP', 'STRUCT'])
      p.expect(w);
    const name = p.identifier('type');
    const prim = PRIMITIVES[name.name];
    if (prim !== undefined) {
      // ksqlDB accepts and ignores type parameters such as VARCHAR(STRING) or VARCHAR(10).
      if (prim.kind === 'STRING' && p.isPunct('(')) skipTypeParameters(p);
      result = builtin(p, first, prim);
    } else {
      result = { kind: 'CustomType', name, span: name.span };
    }
  }
  p.depth = saved;
  return result;
}

function parseStruct(p: Parser, first: Token): TypeNode {
  p.advance();
  const fields: StructFieldNode[] = [];
  // `STRUCT<>` lexes as STRUCT followed by the `<>` operator.
  if (!p.acceptPunct('<>')) {
    p.expectPunct('<');
    if (!p.acceptPunct('>')) {
      do {
        const f = p.tok;
        const name = p.identifier('field');
        const type = parseType(p);
        fields.push({ kind: 'StructField', name, type, span: p.spanFrom(f) });
      } while (p.acceptPunct(','));
      p.expectPunct('>');
    }
  }
  const resolved: StructField[] = [];
  for (const f of fields) {
    const t = builtinOf(f.type);
    if (t === undefined) return { kind: 'StructType', fields, span: p.spanFrom(first) };
    resolved.push({ name: f.name.name, type: t });
  }
  return builtin(p, first, { kind: 'STRUCT', fields: resolved });
}

function skipTypeParameters(p: Parser): void {
  p.expectPunct('(');
  do {
    if (p.tok.kind === 'integer' || p.isKw('STRING')) p.advance();
    else {
      p.expect('<integer>');
      p.fail();
    }
  } while (p.acceptPunct(','));
  p.expectPunct(')');
}
