import { describe, expect, it } from 'vitest';
import { BIGINT, DOUBLE, INTEGER, STRING, TIMESTAMP, array, decimal } from '../../types/sql-type';
import {
  describeFunction,
  isAggregate,
  isResolutionError,
  isScalar,
  isTableFunction,
  listFunctions,
  resolveScalar,
} from './index';
import { resolve, values } from './testing';

describe('resolution errors', () => {
  it('distinguishes unknown names', () => {
    const r = resolveScalar('WONT_FIND_ME', []);
    expect(r).toEqual({
      error: 'not-found',
      message: "Can't find any functions with the name 'WONT_FIND_ME'",
    });
  });

  it('lists the alternatives when no signature fits', () => {
    const r = resolveScalar('substring', values(STRING, { kind: 'BOOLEAN' }));
    expect(isResolutionError(r) && r.error).toBe('no-match');
    expect(isResolutionError(r) && r.message).toBe(
      "Function 'substring' does not accept parameters (STRING, BOOLEAN).\nValid alternatives are:\n" +
        'SUBSTRING(VARCHAR str, INT pos)\nSUBSTRING(VARCHAR str, INT pos, INT length)\n' +
        'SUBSTRING(BYTES bytes, INT pos)\nSUBSTRING(BYTES bytes, INT pos, INT length)',
    );
    const none = resolveScalar('COALESCE', []);
    expect(isResolutionError(none) && none.message).toContain(
      "Function 'COALESCE' does not accept parameters ()",
    );
  });

  it('reports NULL-only calls that cannot be typed as ambiguous', () => {
    const r = resolveScalar('COALESCE', values(null, null));
    expect(isResolutionError(r) && r.error).toBe('ambiguous');
  });
});

describe('overload resolution', () => {
  it('prefers exact matches, then the cheapest widening', () => {
    expect(resolve('ABS', INTEGER).returnType).toEqual(INTEGER);
    expect(resolve('ABS', BIGINT).returnType).toEqual(BIGINT);
    expect(resolve('SQRT', BIGINT).paramTypes).toEqual([DOUBLE]);
    const dec = resolve('ABS', decimal(5, 2));
    expect(dec.paramTypes).toEqual([decimal(5, 2)]);
  });

  it('lets a NULL literal match, picking the first declared variant', () => {
    const r = resolve('SUBSTRING', null, INTEGER);
    expect(r.returnType).toEqual(STRING);
    expect(r.invoke(null, 1)).toBeNull();
  });

  it('coerces string arguments to date/time parameters', () => {
    const r = resolve('FORMAT_TIMESTAMP', STRING, STRING);
    expect(r.paramTypes).toEqual([TIMESTAMP, STRING]);
  });

  it('unifies generics by widening', () => {
    expect(resolve('COALESCE', INTEGER, BIGINT, null).returnType).toEqual(BIGINT);
    expect(resolve('IFNULL', array(INTEGER), array(DOUBLE)).returnType).toEqual(array(DOUBLE));
    expect(isResolutionError(resolveScalar('COALESCE', values(INTEGER, STRING)))).toBe(true);
  });

  it('is case-insensitive and keeps the canonical name', () => {
    expect(resolve('uCaSe', STRING).name).toBe('UCASE');
    expect(isScalar('ucase')).toBe(true);
    expect(isAggregate('count')).toBe(true);
    expect(isTableFunction('explode')).toBe(true);
    expect(isScalar('count')).toBe(false);
  });
});

describe('function metadata', () => {
  const all = listFunctions();

  it('has the whole library', () => {
    const count = (t: string): number => all.filter((f) => f.type === t).length;
    expect(count('SCALAR')).toBeGreaterThanOrEqual(100);
    expect(count('AGGREGATE')).toBeGreaterThanOrEqual(15);
    expect(count('TABLE')).toBe(2);
    expect(all.map((f) => f.name)).toEqual([...all.map((f) => f.name)].sort());
  });

  it('describes every function and argument', () => {
    for (const f of all) {
      expect(f.description.length, f.name).toBeGreaterThan(10);
      expect(f.category, f.name).not.toBe('');
      expect(f.signatures.length, f.name).toBeGreaterThan(0);
      for (const s of f.signatures) {
        expect(s.returnType, f.name).not.toBe('');
        for (const a of s.arguments) {
          expect(a.name, f.name).toMatch(/^[a-zA-Z][a-zA-Z0-9]*$/);
          expect(a.type, f.name).not.toBe('');
        }
      }
    }
  });

  it('describes one function like DESCRIBE FUNCTION', () => {
    const f = describeFunction('substring');
    expect(f).toMatchObject({ name: 'SUBSTRING', type: 'SCALAR', category: 'STRING' });
    expect(f?.signatures[0]).toMatchObject({
      returnType: 'VARCHAR',
      arguments: [
        { name: 'str', type: 'VARCHAR', isVariadic: false },
        { name: 'pos', type: 'INT', isVariadic: false },
      ],
    });
    expect(describeFunction('concat')?.signatures[0]?.arguments[0]).toMatchObject({ isVariadic: true });
    expect(describeFunction('transform')?.signatures[0]?.arguments[1]?.type).toBe('LAMBDA (T) => U');
    expect(describeFunction('topk')?.type).toBe('AGGREGATE');
    expect(describeFunction('nope')).toBeUndefined();
  });
});
