import type { TypeNode } from '../sql/ast';
import type { SqlType } from '../types/sql-type';
import { bindError } from './bind-error';

/** Looks up CREATE TYPE names. */
export type TypeResolver = (name: string) => SqlType | undefined;

/** A parsed type with custom type names replaced by their definitions. */
export function resolveTypeNode(node: TypeNode, resolve: TypeResolver): SqlType {
  switch (node.kind) {
    case 'BuiltinType':
      return node.type;
    case 'CustomType': {
      const t = resolve(node.name.name);
      if (!t) throw bindError(`Unknown type: ${node.name.name}`, node.span);
      return t;
    }
    case 'ArrayType':
      return { kind: 'ARRAY', element: resolveTypeNode(node.element, resolve) };
    case 'MapType':
      return {
        kind: 'MAP',
        key: resolveTypeNode(node.key, resolve),
        value: resolveTypeNode(node.value, resolve),
      };
    case 'StructType':
      return {
        kind: 'STRUCT',
        fields: node.fields.map((f) => ({ name: f.name.name, type: resolveTypeNode(f.type, resolve) })),
      };
  }
}
