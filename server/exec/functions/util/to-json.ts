/** Serializes a SQL value of a known type to JSON text, as ksqlDB's TO_JSON_STRING does. */
import type { Decimal } from '../../../types/decimal';
import { formatIsoDate, formatIsoTimestamp } from '../../../types/datetime/iso';
import { formatDouble } from '../../../types/java-format';
import type { SqlType } from '../../../types/sql-type';

/** java.time LocalTime.toString: HH:mm, HH:mm:ss or HH:mm:ss.SSS, whichever is shortest exact. */
function localTimeText(ms: number): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const hm = `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}`;
  const s = Math.floor(ms / 1000) % 60;
  const f = ms % 1000;
  if (s === 0 && f === 0) return hm;
  return f === 0 ? `${hm}:${p(s)}` : `${hm}:${p(s)}.${p(f, 3)}`;
}

export function toJsonText(v: unknown, t: SqlType): string {
  if (v === null || v === undefined) return 'null';
  switch (t.kind) {
    case 'BOOLEAN':
    case 'INTEGER':
    case 'BIGINT':
      return String(v);
    case 'DOUBLE': {
      const d = v as number;
      return Number.isFinite(d) ? formatDouble(d) : JSON.stringify(formatDouble(d));
    }
    case 'DECIMAL':
      return (v as Decimal).toString();
    case 'STRING':
      return JSON.stringify(v);
    case 'BYTES':
      return JSON.stringify(Buffer.from(v as Uint8Array).toString('base64'));
    case 'TIMESTAMP':
      return JSON.stringify(formatIsoTimestamp(v as number));
    case 'DATE':
      return JSON.stringify(formatIsoDate(v as number));
    case 'TIME':
      return JSON.stringify(localTimeText(v as number));
    case 'ARRAY':
      return `[${(v as readonly unknown[]).map((e) => toJsonText(e, t.element)).join(',')}]`;
    case 'MAP':
      return `{${[...(v as ReadonlyMap<unknown, unknown>)]
        .map(
          ([k, x]) =>
            `${JSON.stringify(typeof k === 'string' ? k : toJsonText(k, t.key))}:${toJsonText(x, t.value)}`,
        )
        .join(',')}}`;
    case 'STRUCT': {
      const r = v as Record<string, unknown>;
      return `{${t.fields.map((f) => `${JSON.stringify(f.name)}:${toJsonText(r[f.name], f.type)}`).join(',')}}`;
    }
  }
}
