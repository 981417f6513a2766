import type { SqlType, StructField } from '../types/sql-type';
import { assertNever, type TypeNode } from './ast';

/**
 * Turns a parsed type into a SqlType, looking custom type names up with `lookup` (normalized names,
 * e.g. from the catalog's CREATE TYPE registry). Undefined when a name is unknown.
 */
export function resolveTypeNode(
  node: TypeNode,
  lookup: (name: string) => SqlType | undefined,
): SqlType | undefined {
  switch (node.kind) {
    case 'BuiltinType':
      return node.type;
    case 'CustomType':
      return lookup(node.name.name);
    case 'ArrayType': {
      const element = resolveTypeNode(node.element, lookup);
      return element && { kind: 'ARRAY', element };
    }
    case 'MapType': {
      const key = resolveTypeNode(node.key, lookup);
      const value = resolveTypeNode(node.value, lookup);
      return key && value && { kind: 'MAP', key, value };
    }
    case 'StructType': {
      const fields: StructField[] = [];
      for (const f of node.fields) {
        const type = resolveTypeNode(f.type, lookup);
        if (type === undefined) return undefined;
        fields.push({ name: f.name.name, type });
      }
      return { kind: 'STRUCT', fields };
    }
    default:
      return assertNever(node);
  }
}

/** The custom type names a type mentions, in source order (for "unknown type" diagnostics). */
export function customTypeNames(node: TypeNode): string[] {
  switch (node.kind) {
    case 'BuiltinType':
      return [];
    case 'CustomType':
      return [node.name.name];
    case 'ArrayType':
      return customTypeNames(node.element);
    case 'MapType':
      return [...customTypeNames(node.key), ...customTypeNames(node.value)];
    case 'StructType':
      return node.fields.flatMap((f) => customTypeNames(f.type));
    default:
      return assertNever(node);
  }
}
