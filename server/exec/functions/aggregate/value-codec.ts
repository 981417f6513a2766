/**
 * SQL values ⇄ plain JSON for accumulators written to changelog topics: Decimal as its string,
 * BYTES as base64, MAP as [key, value] pairs (keys need not be strings), everything else as is.
 */
import { Decimal } from '../../../types/decimal';
import type { SqlType } from '../../../types/sql-type';

export function encodeValue(v: unknown, t: SqlType): unknown {
  if (v === null || v === undefined) return null;
  switch (t.kind) {
    case 'DECIMAL':
      return (v as Decimal).toString();
    case 'BYTES':
      return Buffer.from(v as Uint8Array).toString('base64');
    case 'ARRAY':
      return (v as readonly unknown[]).map((e) => encodeValue(e, t.element));
    case 'MAP':
      return [...(v as ReadonlyMap<unknown, unknown>)].map(([k, x]) => [
        encodeValue(k, t.key),
        encodeValue(x, t.value),
      ]);
    case 'STRUCT': {
      const r = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of t.fields) out[f.name] = encodeValue(r[f.name], f.type);
      return out;
    }
    default:
      return v;
  }
}

export function decodeValue(j: unknown, t: SqlType): unknown {
  if (j === null || j === undefined) return null;
  switch (t.kind) {
    case 'DECIMAL':
      return Decimal.parse(j as string);
    case 'BYTES':
      return Buffer.from(j as string, 'base64');
    case 'ARRAY':
      return (j as readonly unknown[]).map((e) => decodeValue(e, t.element));
    case 'MAP':
      return new Map(
        (j as readonly [unknown, unknown][]).map(([k, x]) => [
          decodeValue(k, t.key),
          decodeValue(x, t.value),
        ]),
      );
    case 'STRUCT': {
      const r = j as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of t.fields) out[f.name] = decodeValue(r[f.name], f.type);
      return out;
    }
    default:
      return j;
  }
}
