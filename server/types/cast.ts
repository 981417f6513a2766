/**
 * CAST(x AS T) with ksqlDB's semantics. `compileCast` builds the converter once per expression
 * (the compiler's path); `castValue` is the one-off convenience. NULL casts to NULL.
 *
 * Notable rules: text is trimmed before it is read as a number and junk throws (the engine turns
 * that row's value into NULL and logs it); text that is not a date/time casts to NULL; DOUBLE to
 * INTEGER/BIGINT truncates and saturates like Java's (int)/(long); DECIMAL targets round HALF_UP
 * and throw on overflow; STRING output uses Java's forms (`1.0`, `1.0E10`, decimals keep scale).
 */
import { toInt32 } from './arithmetic';
import { Decimal, fitDecimal } from './decimal';
import { MS_PER_DAY, epochDay, millisOfDay } from './datetime/civil';
import {
  formatIsoDate,
  formatIsoTime,
  formatIsoTimestamp,
  parseIsoDate,
  parseIsoTime,
  parseIsoTimestamp,
} from './datetime/iso';
import { formatDouble, parseJavaDouble, parseJavaInteger } from './java-format';
import { formatType, typeEquals, type SqlType } from './sql-type';

export type Caster = (value: unknown) => unknown;

const identity: Caster = (v) => v;

/** True if CAST(from AS to) is allowed. */
export function canCast(from: SqlType, to: SqlType): boolean {
  return buildCast(from, to) !== undefined;
}

/** The converter for CAST(from AS to); throws `Cast of X to Y is not supported` if none. */
export function compileCast(from: SqlType, to: SqlType): Caster {
  const c = buildCast(from, to);
  if (!c) throw new Error(`Cast of ${formatType(from)} to ${formatType(to)} is not supported`);
  return (v) => (v === null || v === undefined ? null : c(v));
}

export function castValue(value: unknown, from: SqlType, to: SqlType): unknown {
  return compileCast(from, to)(value);
}

function buildCast(from: SqlType, to: SqlType): Caster | undefined {
  if (to.kind === 'STRING') return toStringCaster(from);
  if (typeEquals(from, to)) return identity;
  switch (to.kind) {
    case 'BOOLEAN':
      return from.kind === 'STRING' ? (v) => parseBooleanLenient(v as string) : undefined;
    case 'INTEGER':
      return numberCaster(from, 32);
    case 'BIGINT':
      return numberCaster(from, 64);
    case 'DOUBLE':
      switch (from.kind) {
        case 'INTEGER':
        case 'BIGINT':
          return identity;
        case 'DECIMAL':
          return (v) => (v as Decimal).toNumber();
        case 'STRING':
          return (v) => parseJavaDouble(v as string);
        default:
          return undefined;
      }
    case 'DECIMAL': {
      const { precision, scale } = to;
      switch (from.kind) {
        case 'INTEGER':
        case 'BIGINT':
        case 'DOUBLE':
        case 'DECIMAL':
          return (v) => fitDecimal(Decimal.from(v as number | Decimal), precision, scale);
        case 'STRING':
          return (v) => {
            const d = Decimal.tryParse(v as string);
            if (!d) throw new Error(`Cannot cast '${v as string}' to DECIMAL(${precision}, ${scale})`);
            return fitDecimal(d, precision, scale);
          };
        default:
          return undefined;
      }
    }
    case 'TIMESTAMP':
      if (from.kind === 'STRING') return (v) => parseIsoTimestamp(v as string);
      if (from.kind === 'DATE') return (v) => (v as number) * MS_PER_DAY;
      return undefined;
    case 'DATE':
      if (from.kind === 'STRING') return (v) => parseIsoDate(v as string);
      if (from.kind === 'TIMESTAMP') return (v) => epochDay(v as number);
      return undefined;
    case 'TIME':
      if (from.kind === 'STRING') return (v) => parseIsoTime(v as string);
      if (from.kind === 'TIMESTAMP') return (v) => millisOfDay(v as number);
      return undefined;
    case 'ARRAY': {
      if (from.kind !== 'ARRAY') return undefined;
      const el = elementCaster(from.element, to.element);
      return el && ((v) => (v as readonly unknown[]).map(el));
    }
    case 'MAP': {
      if (from.kind !== 'MAP') return undefined;
      const k = elementCaster(from.key, to.key);
      const val = elementCaster(from.value, to.value);
      if (!k || !val) return undefined;
      return (v) => {
        const out = new Map<unknown, unknown>();
        for (const [a, b] of v as ReadonlyMap<unknown, unknown>) out.set(k(a), val(b));
        return out;
      };
    }
    case 'STRUCT': {
      if (from.kind !== 'STRUCT') return undefined;
      const plan: [string, string | undefined, Caster][] = [];
      for (const f of to.fields) {
        const src = from.fields.find((x) => x.name === f.name);
        const c = src ? elementCaster(src.type, f.type) : identity;
        if (!c) return undefined;
        plan.push([f.name, src?.name, c]);
      }
      return (v) => {
        const r = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [name, src, c] of plan) out[name] = src === undefined ? null : c(r[src] ?? null);
        return out;
      };
    }
    default:
      return undefined;
  }
}

function elementCaster(from: SqlType, to: SqlType): Caster | undefined {
  const c = buildCast(from, to);
  return c && ((v) => (v === null || v === undefined ? null : c(v)));
}

/** ksqlDB's SqlBooleans.parseBoolean: true for any case-insensitive prefix of "true" or "yes". */
function parseBooleanLenient(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t.length > 0 && ('true'.startsWith(t) || 'yes'.startsWith(t));
}

function numberCaster(from: SqlType, bits: 32 | 64): Caster | undefined {
  const narrow = bits === 32 ? toInt32 : (n: number) => n;
  switch (from.kind) {
    case 'INTEGER':
      return identity;
    case 'BIGINT':
      return bits === 32 ? (v) => toInt32(v as number) : identity;
    case 'DOUBLE':
      return (v) => javaDoubleToInteger(v as number, bits);
    case 'DECIMAL':
      return (v) => {
        const d = v as Decimal;
        const truncated = d.unscaled / 10n ** BigInt(d.scale);
        return narrow(Number(BigInt.asIntN(64, truncated)));
      };
    case 'STRING':
      return (v) => parseJavaInteger(v as string, bits);
    default:
      return undefined;
  }
}

/** Java's (int)/(long) of a double: NaN → 0, truncation toward zero, saturation at the bounds. */
export function javaDoubleToInteger(v: number, bits: 32 | 64): number {
  if (Number.isNaN(v)) return 0;
  // Long.MAX_VALUE is not a double; 2^63 is the nearest one and what Java's (long) saturates to.
  const max = bits === 32 ? 2147483647 : 2 ** 63;
  const min = bits === 32 ? -2147483648 : -(2 ** 63);
  if (v >= max) return max;
  if (v <= min) return min;
  return Math.trunc(v) + 0;
}

function toStringCaster(from: SqlType): Caster {
  switch (from.kind) {
    case 'STRING':
      return identity;
    default:
      return (v) => javaString(v, from);
  }
}

/**
 * The text ksqlDB produces for a value of type `t` (CAST to STRING, CONCAT of non-strings): Java's
 * toString forms, so `[1, 2]`, `{a=1}` and `Struct{A=1,B=x}` for compound values.
 */
export function javaString(v: unknown, t: SqlType): string {
  if (v === null || v === undefined) return 'null';
  switch (t.kind) {
    case 'DOUBLE':
      return formatDouble(v as number);
    case 'DECIMAL':
      return (v as Decimal).toString();
    case 'TIMESTAMP':
      return formatIsoTimestamp(v as number);
    case 'DATE':
      return formatIsoDate(v as number);
    case 'TIME':
      return formatIsoTime(v as number);
    case 'BYTES':
      return Buffer.from(v as Uint8Array).toString('base64');
    case 'ARRAY':
      return `[${(v as readonly unknown[]).map((e) => javaString(e, t.element)).join(', ')}]`;
    case 'MAP':
      return `{${[...(v as ReadonlyMap<unknown, unknown>)].map(([k, x]) => `${javaString(k, t.key)}=${javaString(x, t.value)}`).join(', ')}}`;
    case 'STRUCT': {
      const r = v as Record<string, unknown>;
      const parts = t.fields
        .filter((f) => r[f.name] !== null && r[f.name] !== undefined)
        .map((f) => `${f.name}=${javaString(r[f.name], f.type)}`);
      return `Struct{${parts.join(',')}}`;
    }
    default:
      return String(v);
  }
}
