/**
 * Seeded fuzzing: whatever the bytes, deserializing returns a result or throws SerdeError — never
 * anything else, never hangs. And random values of every supported type survive a round trip.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../types/decimal';
import type { FormatInfo, WindowInfo } from '../../types/formats';
import type { Column } from '../../types/logical-schema';
import {
  BIGINT,
  BOOLEAN,
  BYTES,
  DATE,
  DOUBLE,
  INTEGER,
  STRING,
  TIME,
  TIMESTAMP,
  array,
  decimal,
  map,
  struct,
  type SqlType,
} from '../../types/sql-type';
import { createKeySerde } from './key-serde';
import { detectFormat, formatForPrint } from './print-format';
import { SerdeError } from './serde-error';
import { keyColumn, valueColumn } from './test-columns';
import { createValueSerde } from './value-serde';

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JSONISH = '{}[]",:0123456789.eE-+ tfalsenru\\/\n\tAbx';
const CSVISH = '",\r\n ab1-.\t0';

function randomBytes(next: () => number): Buffer {
  const len = Math.floor(next() * 48);
  const mode = next();
  if (mode < 0.4) return Buffer.from(Array.from({ length: len }, () => Math.floor(next() * 256)));
  const alphabet = mode < 0.75 ? JSONISH : CSVISH;
  return Buffer.from(
    Array.from({ length: len }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
  );
}

const NESTED = struct([
  { name: 'A', type: array(decimal(20, 4)) },
  { name: 'm', type: map(STRING, struct([{ name: 'T', type: TIME }])) },
]);
const PRIMITIVES: SqlType[] = [
  BOOLEAN,
  INTEGER,
  BIGINT,
  DOUBLE,
  STRING,
  BYTES,
  TIMESTAMP,
  DATE,
  TIME,
  decimal(10, 2),
];

const SCHEMAS: { format: FormatInfo; columns: Column[]; window?: WindowInfo }[] = [
  { format: { format: 'JSON' }, columns: [valueColumn('S', NESTED), valueColumn('I', INTEGER)] },
  { format: { format: 'JSON' }, columns: PRIMITIVES.map((t, i) => valueColumn(`C${i}`, t)) },
  { format: { format: 'JSON' }, columns: [valueColumn('ONLY', array(STRING))] },
  { format: { format: 'DELIMITED' }, columns: PRIMITIVES.map((t, i) => valueColumn(`C${i}`, t)) },
  {
    format: { format: 'DELIMITED', delimiter: '\t' },
    columns: [valueColumn('A', STRING), valueColumn('B', DOUBLE)],
  },
  ...[INTEGER, BIGINT, DOUBLE, STRING, BYTES].map((t) => ({
    format: { format: 'KAFKA' } as const,
    columns: [valueColumn('K', t)],
  })),
];

function expectOnlySerdeErrors(run: () => unknown): void {
  try {
    run();
  } catch (e) {
    if (!(e instanceof SerdeError)) throw new Error(`threw ${String(e)} instead of a SerdeError`);
  }
}

describe('fuzzed bytes', () => {
  it.each(SCHEMAS.map((s, i) => [i, s] as const))(
    'value schema %i only fails with SerdeError',
    (i, schema) => {
      const next = rng(1000 + i);
      const serde = createValueSerde(schema.format, schema.columns, {});
      const unwrapped =
        schema.columns.length === 1
          ? createValueSerde(schema.format, schema.columns, { wrapSingleValues: false })
          : serde;
      for (let n = 0; n < 3000; n++) {
        const bytes = randomBytes(next);
        expectOnlySerdeErrors(() => serde.deserialize(bytes));
        expectOnlySerdeErrors(() => unwrapped.deserialize(bytes));
      }
    },
  );

  it.each(SCHEMAS.map((s, i) => [i, s] as const))(
    'key schema %i (windowed too) only fails with SerdeError',
    (i, schema) => {
      const next = rng(2000 + i);
      const columns = schema.columns
        .filter((c) => c.type.kind !== 'MAP' && c.type.kind !== 'STRUCT')
        .map((c) => keyColumn(c.name, c.type));
      if (columns.length === 0) return;
      const plain = createKeySerde(schema.format, columns, {});
      const session = createKeySerde(schema.format, columns, {}, { type: 'SESSION' });
      const tumbling = createKeySerde(schema.format, columns, {}, { type: 'TUMBLING', sizeMs: 1000 });
      for (let n = 0; n < 2000; n++) {
        const bytes = randomBytes(next);
        for (const serde of [plain, session, tumbling]) expectOnlySerdeErrors(() => serde.deserialize(bytes));
      }
    },
  );

  it('PRINT detection never throws', () => {
    const next = rng(77);
    for (let n = 0; n < 3000; n++) {
      const bytes = randomBytes(next);
      const format = detectFormat(bytes, { windowed: n % 2 === 0 });
      expect(typeof formatForPrint(bytes, format)).toBe('string');
    }
  });

  it('survives deep nesting', () => {
    const serde = createValueSerde({ format: 'JSON' }, [valueColumn('S', STRING)], {
      wrapSingleValues: false,
    });
    expectOnlySerdeErrors(() => serde.deserialize(Buffer.from('['.repeat(200_000) + ']'.repeat(200_000))));
    expectOnlySerdeErrors(() => serde.deserialize(Buffer.from('['.repeat(200_000))));
  });
});

// Whole code points: a lone surrogate is not valid text in any format.
const CHARS = Array.from(' a,"\n\té€😀\\#-');

function randomValue(type: SqlType, next: () => number, depth = 0): unknown {
  if (next() < 0.1) return null;
  const int = (range: number): number => Math.floor(next() * range) - Math.floor(range / 2);
  switch (type.kind) {
    case 'BOOLEAN':
      return next() < 0.5;
    case 'INTEGER':
      return int(2 ** 32) | 0;
    case 'BIGINT':
    case 'TIMESTAMP':
      return int(2 ** 53);
    case 'DATE':
      return int(200_000);
    case 'TIME':
      return Math.floor(next() * 86_400_000);
    case 'DOUBLE':
      return [0, -0.5, 1e-9, 123.456, -1e300, int(1000) / 7][Math.floor(next() * 6)];
    case 'STRING':
      return Array.from(
        { length: Math.floor(next() * 8) },
        () => CHARS[Math.floor(next() * CHARS.length)],
      ).join('');
    case 'BYTES':
      return Buffer.from(Array.from({ length: Math.floor(next() * 6) }, () => Math.floor(next() * 256)));
    case 'DECIMAL':
      return new Decimal(BigInt(int(10 ** Math.min(type.precision, 15))), type.scale);
    case 'ARRAY':
      return Array.from({ length: Math.floor(next() * 3) }, () => randomValue(type.element, next, depth + 1));
    case 'MAP':
      return new Map(
        Array.from({ length: Math.floor(next() * 3) }, (_, i) => [
          `k${i}`,
          randomValue(type.value, next, depth + 1),
        ]),
      );
    case 'STRUCT':
      return Object.fromEntries(type.fields.map((f) => [f.name, randomValue(f.type, next, depth + 1)]));
  }
}

describe('fuzzed round trips', () => {
  it.each(SCHEMAS.map((s, i) => [i, s] as const))('value schema %i round-trips', (i, schema) => {
    const next = rng(3000 + i);
    const serde = createValueSerde(schema.format, schema.columns, {});
    for (let n = 0; n < 500; n++) {
      const row = schema.columns.map((c) => randomValue(c.type, next));
      const back = serde.deserialize(serde.serialize(row));
      // KAFKA writes a null column as a tombstone; a lone empty DELIMITED string reads as null.
      const lone = schema.columns.length === 1 && (row[0] === null || row[0] === '');
      if (lone && schema.format.format !== 'JSON') continue;
      // DELIMITED has no empty text: an empty string or empty BYTES field reads as null.
      const expected =
        schema.format.format === 'DELIMITED'
          ? row.map((v) => (v === '' || (v instanceof Uint8Array && v.length === 0) ? null : v))
          : row;
      expect(back).toEqual(expected);
    }
  });
});
