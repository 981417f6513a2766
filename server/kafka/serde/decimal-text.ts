/**
 * Reading numbers from untrusted text exactly, the way ksqlDB's serdes do with Java's BigDecimal:
 * `new BigDecimal(text)` then `DecimalUtil.ensureFit`, which never rounds — a value that needs
 * rounding or overflows the precision is an error. Exponents are checked before any bigint is
 * built, so `1e999999999` fails fast instead of allocating a billion digits.
 */
import { Decimal, pow10 } from '../../types/decimal';

// Java's BigDecimal(String) syntax: no blanks, optional sign, digits with an optional point, exponent.
const BIG_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const LEADING_ZEROS = /^0+/;
const ALL_ZEROS = /^0*$/;
const JAVA_INTEGER = /^[+-]?\d{1,20}$/;

interface Parts {
  readonly negative: boolean;
  /** Significant digits without leading zeros ('' for zero). */
  readonly digits: string;
  /** value = digits × 10^-scale; may be negative or huge. */
  readonly scale: number;
}

function parts(text: string): Parts | undefined {
  const m = BIG_DECIMAL.exec(text);
  if (!m) return undefined;
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  if (intPart === '' && frac === '') return undefined;
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exp)) return undefined;
  const digits = (intPart + frac).replace(LEADING_ZEROS, '');
  return { negative: m[1] === '-', digits, scale: frac.length - exp };
}

/** True if `text` is a number in Java's BigDecimal syntax. */
export function isDecimalText(text: string): boolean {
  return parts(text) !== undefined;
}

/**
 * `text` as DECIMAL(precision, scale) without rounding; throws ksqlDB's overflow or
 * "without rounding" message, or `invalid` when the text is not a number.
 */
export function fitDecimalText(
  text: string,
  precision: number,
  scale: number,
  invalid: () => Error,
): Decimal {
  const p = parts(text);
  if (!p) throw invalid();
  if (p.digits === '') return new Decimal(0n, scale);
  const whole = precision - scale;
  if (p.digits.length - p.scale > whole) {
    throw new Error(
      `Numeric field overflow: A field with precision ${precision} and scale ${scale} must round to an ` +
        `absolute value less than 10^${whole}. Got ${plain(p, text)}`,
    );
  }
  let unscaled: bigint;
  if (p.scale > scale) {
    const drop = p.scale - scale;
    const kept = p.digits.length - drop;
    if (kept < 0 || !ALL_ZEROS.test(p.digits.slice(Math.max(kept, 0)))) {
      throw new Error(
        `Cannot fit decimal '${plain(p, text)}' into DECIMAL(${precision}, ${scale}) without rounding. ` +
          `(Requires ${p.digits.length},${p.scale})`,
      );
    }
    unscaled = BigInt(p.digits.slice(0, kept) || '0');
  } else {
    unscaled = BigInt(p.digits) * pow10(scale - p.scale);
  }
  return new Decimal(p.negative ? -unscaled : unscaled, scale);
}

/** BigDecimal.toPlainString, or the original text when that would be absurdly long. */
function plain(p: Parts, text: string): string {
  if (Math.abs(p.scale) > 1000) return text;
  const d =
    p.scale >= 0
      ? new Decimal(BigInt(p.digits), p.scale)
      : new Decimal(BigInt(p.digits) * pow10(-p.scale), 0);
  return (p.negative ? d.negate() : d).toString();
}

/**
 * Jackson's `intValue()` / `longValue()` of a number given as text: truncated toward zero, then the
 * low 32 or 64 bits (two's complement), as Java's narrowing does.
 */
export function integerBitsOfText(text: string, bits: 32 | 64): number {
  const p = parts(text);
  if (!p || p.digits === '') return 0;
  let whole: bigint;
  if (p.scale >= 0) {
    const kept = p.digits.length - p.scale;
    if (kept <= 0) return 0;
    whole = BigInt(p.digits.slice(0, kept));
  } else {
    // 10^k is a multiple of 2^k, so its low 64 bits vanish once k ≥ 64.
    if (-p.scale >= 64) return 0;
    whole = BigInt(p.digits) * pow10(-p.scale);
  }
  return Number(BigInt.asIntN(bits, p.negative ? -whole : whole));
}

/** Java's Integer.parseInt / Long.parseLong: sign and ASCII digits only, no blanks, no overflow. */
export function parseJavaIntegerStrict(text: string, bits: 32 | 64): number | undefined {
  if (!JAVA_INTEGER.test(text)) return undefined;
  const v = BigInt(text);
  const limit = bits === 32 ? 2n ** 31n : 2n ** 63n;
  return v < -limit || v >= limit ? undefined : Number(v);
}
