import type { Span } from '../../lib/contracts/span';
import type { SqlType } from '../types/sql-type';
import type { Identifier } from './ast-common';

/**
 * A type as written. When every part is built in the parser resolves it to a `SqlType` right away
 * (`BuiltinType`); only a type that mentions a custom type name (CREATE TYPE) keeps its structure,
 * so the binder can resolve the names against the catalog.
 */
export type TypeNode = BuiltinType | CustomType | ArrayTypeNode | MapTypeNode | StructTypeNode;

export interface BuiltinType {
  readonly kind: 'BuiltinType';
  readonly type: SqlType;
  readonly span: Span;
}

/** A name registered with CREATE TYPE. */
export interface CustomType {
  readonly kind: 'CustomType';
  readonly name: Identifier;
  readonly span: Span;
}

export interface ArrayTypeNode {
  readonly kind: 'ArrayType';
  readonly element: TypeNode;
  readonly span: Span;
}

export interface MapTypeNode {
  readonly kind: 'MapType';
  readonly key: TypeNode;
  readonly value: TypeNode;
  readonly span: Span;
}

export interface StructTypeNode {
  readonly kind: 'StructType';
  readonly fields: readonly StructFieldNode[];
  readonly span: Span;
}

export interface StructFieldNode {
  readonly kind: 'StructField';
  readonly name: Identifier;
  readonly type: TypeNode;
  readonly span: Span;
}
