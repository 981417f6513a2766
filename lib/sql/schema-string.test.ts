import { describe, expect, it } from 'vitest';
import { parseSchemaString } from './schema-string';

describe('parseSchemaString', () => {
  it('reads names, types and key markers', () => {
    expect(
      parseSchemaString(
        '`ID` STRING KEY, `AMOUNT` DECIMAL(4, 2), `S` STRUCT<`A` INTEGER, `B,C` MAP<STRING, INTEGER>>',
      ),
    ).toEqual([
      { name: 'ID', type: 'STRING', key: true },
      { name: 'AMOUNT', type: 'DECIMAL(4, 2)', key: false },
      { name: 'S', type: 'STRUCT<`A` INTEGER, `B,C` MAP<STRING, INTEGER>>', key: false },
    ]);
  });

  it('handles escaped back-quotes, PRIMARY KEY and an empty schema', () => {
    expect(parseSchemaString('`a``b` BIGINT PRIMARY KEY')).toEqual([
      { name: 'a`b', type: 'BIGINT', key: true },
    ]);
    expect(parseSchemaString('')).toEqual([]);
  });
});
