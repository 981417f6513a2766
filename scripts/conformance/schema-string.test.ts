import { describe, expect, it } from 'vitest';
import { normalizeSchema, schemaDifference } from './schema-string';

describe('normalizeSchema', () => {
  it('upper-cases unquoted names, keeps quoted ones and resolves type aliases', () => {
    expect(normalizeSchema('id int key, `mixedCase` varchar, V0 BIGINT')).toBe(
      '`ID` INTEGER KEY, `mixedCase` STRING, `V0` BIGINT',
    );
  });

  it('treats KEY and PRIMARY KEY alike', () => {
    expect(normalizeSchema('ID INT PRIMARY KEY, V STRING')).toBe(
      normalizeSchema('`ID` INTEGER KEY, `V` STRING'),
    );
  });

  it('normalizes nested types and spacing', () => {
    expect(normalizeSchema('K STRUCT<a INT,`b` ARRAY<MAP<STRING,DECIMAL(4,2)>>> KEY')).toBe(
      '`K` STRUCT<`A` INTEGER, `b` ARRAY<MAP<STRING, DECIMAL(4, 2)>>> KEY',
    );
  });

  it('keeps header columns', () => {
    expect(normalizeSchema("H BYTES HEADER('abc'), HS ARRAY<STRUCT<KEY STRING, VALUE BYTES>> HEADERS")).toBe(
      "`H` BYTES HEADER('abc'), `HS` ARRAY<STRUCT<`KEY` STRING, `VALUE` BYTES>> HEADERS",
    );
  });

  it('rejects malformed schemas', () => {
    expect(() => normalizeSchema('A DECIMAL(4')).toThrow();
    expect(() => normalizeSchema('`A INT')).toThrow(/unterminated/);
  });
});

describe('schemaDifference', () => {
  it('names the first differing column', () => {
    expect(schemaDifference('ID BIGINT KEY, K STRING', 'ID BIGINT KEY, K STRING')).toBeUndefined();
    expect(schemaDifference('ID BIGINT KEY, K STRING', '`K` BIGINT KEY, `ID` STRING')).toBe(
      'column 1: expected `ID` BIGINT KEY, got `K` BIGINT KEY; whole schema: `K` BIGINT KEY, `ID` STRING',
    );
  });
});
