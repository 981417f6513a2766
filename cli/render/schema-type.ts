import type { SchemaInfo } from '../../lib/contracts/ksql-entities';

/** ksqlDB's SchemaInfo as type text: `ARRAY<STRING>`, ``STRUCT<`A` INTEGER>``, `DECIMAL(4, 2)`. */
export function schemaTypeText(schema: SchemaInfo): string {
  switch (schema.type) {
    case 'ARRAY':
      return `ARRAY<${schema.memberSchema ? schemaTypeText(schema.memberSchema) : '?'}>`;
    case 'MAP':
      return `MAP<STRING, ${schema.memberSchema ? schemaTypeText(schema.memberSchema) : '?'}>`;
    case 'STRUCT':
      return `STRUCT<${(schema.fields ?? []).map((f) => `\`${f.name}\` ${schemaTypeText(f.schema)}`).join(', ')}>`;
    case 'DECIMAL': {
      const p = schema.parameters;
      return p ? `DECIMAL(${p.precision ?? '?'}, ${p.scale ?? '?'})` : 'DECIMAL';
    }
    default:
      return schema.type === 'INTEGER' ? 'INTEGER' : schema.type;
  }
}
