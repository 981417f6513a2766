import { describe, expect, it } from 'vitest';
import { normalizeSchema } from './schema-string';

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
