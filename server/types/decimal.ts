/**
 * An exact decimal number: an arbitrary-precision unscaled integer and a scale (value = unscaled ×
 * 10^-scale), the run-time value of DECIMAL(p, s). It mirrors the parts of Java's BigDecimal that
 * ksqlDB relies on, so results (including the scale kept in `toString()`, e.g. `1.10`) match.
 *
 * Instances are immutable. The scale is never negative: parsing `1E+3` yields `1000` at scale 0.
 */
export type RoundingMode = 'HALF_UP' | 'HALF_EVEN' | 'HALF_DOWN' | 'UP' | 'DOWN' | 'CEILING' | 'FLOOR';

const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const POW10: bigint[] = [1n];

/** 10^n as a bigint; the small powers are cached because every rescale needs one. */
export function pow10(n: number): bigint {
  if (n < 0) throw new RangeError(`negative power of ten: ${n}`);
  while (POW10.length <= Math.min(n, 400)) POW10.push(POW10[POW10.length - 1]! * 10n);
  return n <= 400 ? POW10[n]! : 10n ** BigInt(n);
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

/** n / d rounded with `mode` (d ≠ 0). */
export function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  switch (mode) {
    case 'DOWN':
      return q;
    case 'UP':
      return q + sign;
    case 'FLOOR':
      return sign < 0n ? q - 1n : q;
    case 'CEILING':
      return sign > 0n ? q + 1n : q;
    default: {
      const twice = abs(r) * 2n;
      const ad = abs(d);
      if (twice > ad) return q + sign;
      if (twice < ad) return q;
      if (mode === 'HALF_UP') return q + sign;
      if (mode === 'HALF_DOWN') return q;
      return q % 2n === 0n ? q : q + sign;
    }
  }
}

export class Decimal {
  readonly unscaled: bigint;
  readonly scale: number;

  constructor(unscaled: bigint, scale: number) {
    if (!Number.isInteger(scale) || scale < 0) throw new RangeError(`invalid decimal scale: ${scale}`);
    this.unscaled = unscaled;
    this.scale = scale;
  }

  static readonly ZERO = new Decimal(0n, 0);
  static readonly ONE = new Decimal(1n, 0);

  /** Parses `12`, `-1.50`, `.5`, `1e3`, `1.2E-3` (surrounding blanks allowed); throws on anything else. */
  static parse(text: string): Decimal {
    const m = DECIMAL_PATTERN.exec(text.trim());
    const intPart = m?.[2] ?? '';
    const fracPart = m?.[3] ?? '';
    if (!m || (intPart === '' && fracPart === '')) throw new Error(`Invalid decimal: '${text}'`);
    const exp = m[4] === undefined ? 0 : Number(m[4]);
    let unscaled = BigInt(intPart + fracPart);
    if (m[1] === '-') unscaled = -unscaled;
    let scale = fracPart.length - exp;
    if (scale < 0) {
      unscaled *= pow10(-scale);
      scale = 0;
    }
    return new Decimal(unscaled, scale);
  }

  /** Like parse, but returns null for text that is not a number. */
  static tryParse(text: string): Decimal | null {
    const m = DECIMAL_PATTERN.exec(text.trim());
    if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return null;
    return Decimal.parse(text);
  }

  /**
   * From a JS number via its shortest round-trip digits, as Java's BigDecimal.valueOf(double) does
   * (so 0.1 becomes exactly 0.1, not 0.1000000000000000055…). Integers get scale 0.
   */
  static fromNumber(value: number): Decimal {
    if (!Number.isFinite(value)) throw new Error(`Cannot convert ${value} to DECIMAL`);
    if (Number.isSafeInteger(value)) return new Decimal(BigInt(value), 0);
    return Decimal.parse(String(value));
  }

  static fromBigInt(value: bigint, scale = 0): Decimal {
    return new Decimal(value, scale);
  }

  /** Any value a DECIMAL can be built from: Decimal, number, bigint or numeric string. */
  static from(value: Decimal | number | bigint | string): Decimal {
    if (value instanceof Decimal) return value;
    if (typeof value === 'number') return Decimal.fromNumber(value);
    if (typeof value === 'bigint') return new Decimal(value, 0);
    return Decimal.parse(value);
  }

  /** Plain notation, keeping the scale: 1.10 stays `1.10`, never `1.1` nor `1.10E+0`. */
  toString(): string {
    const neg = this.unscaled < 0n;
    const digits = abs(this.unscaled).toString();
    if (this.scale === 0) return neg ? `-${digits}` : digits;
    const padded = digits.padStart(this.scale + 1, '0');
    const cut = padded.length - this.scale;
    return `${neg ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
  }

  toNumber(): number {
    return Number(this.toString());
  }

  /** The number of significant digits of the unscaled value (1 for zero), as BigDecimal.precision(). */
  precision(): number {
    return this.unscaled === 0n ? 1 : abs(this.unscaled).toString().length;
  }

  signum(): number {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  /** True if the value, at its current scale, has at most `precision` digits (fits DECIMAL(p, scale)). */
  fitsPrecision(precision: number): boolean {
    return this.precision() <= precision;
  }

  /** Same value at another scale, rounding (HALF_UP by default, as ksqlDB) when digits are dropped. */
  setScale(scale: number, mode: RoundingMode = 'HALF_UP'): Decimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new Decimal(this.unscaled * pow10(scale - this.scale), scale);
    return new Decimal(divideRounded(this.unscaled, pow10(this.scale - scale), mode), scale);
  }

  /**
   * Rounds to `places` decimal places; a negative count rounds to tens, hundreds… The result keeps a
   * non-negative scale (`max(places, 0)`), so 1234.5 rounded to -2 is `1200`.
   */
  round(places: number, mode: RoundingMode = 'HALF_UP'): Decimal {
    if (places >= 0) return this.setScale(places, mode);
    const unit = pow10(this.scale - places);
    return new Decimal(divideRounded(this.unscaled, unit, mode) * pow10(-places), 0);
  }

  negate(): Decimal {
    return new Decimal(-this.unscaled, this.scale);
  }

  abs(): Decimal {
    return this.unscaled < 0n ? this.negate() : this;
  }

  add(other: Decimal): Decimal {
    const s = Math.max(this.scale, other.scale);
    return new Decimal(this.rescaled(s) + other.rescaled(s), s);
  }

  subtract(other: Decimal): Decimal {
    const s = Math.max(this.scale, other.scale);
    return new Decimal(this.rescaled(s) - other.rescaled(s), s);
  }

  multiply(other: Decimal): Decimal {
    return new Decimal(this.unscaled * other.unscaled, this.scale + other.scale);
  }

  /** this / other rounded to `scale` digits; throws on division by zero like Java. */
  divide(other: Decimal, scale: number, mode: RoundingMode = 'HALF_UP'): Decimal {
    if (other.unscaled === 0n) throw new Error('Division by zero');
    // unscaled result r satisfies r / 10^scale = (a / 10^sa) / (b / 10^sb)
    const shift = scale - this.scale + other.scale;
    const n = shift >= 0 ? this.unscaled * pow10(shift) : this.unscaled;
    const d = shift >= 0 ? other.unscaled : other.unscaled * pow10(-shift);
    return new Decimal(divideRounded(n, d, mode), scale);
  }

  /** Remainder with the sign of the dividend (BigDecimal.remainder); scale = max of the scales. */
  remainder(other: Decimal): Decimal {
    if (other.unscaled === 0n) throw new Error('Division by zero');
    const s = Math.max(this.scale, other.scale);
    return new Decimal(this.rescaled(s) % other.rescaled(s), s);
  }

  /** Alias of `remainder` (SQL's `%`). */
  modulo(other: Decimal): Decimal {
    return this.remainder(other);
  }

  /** Alias of `compareTo`. */
  compare(other: Decimal): number {
    return this.compareTo(other);
  }

  /** Numeric comparison ignoring scale: 1.0 and 1.00 compare equal. */
  compareTo(other: Decimal): number {
    const s = Math.max(this.scale, other.scale);
    const a = this.rescaled(s);
    const b = other.rescaled(s);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Numeric equality (SQL `=`), ignoring scale. */
  equals(other: Decimal): boolean {
    return this.compareTo(other) === 0;
  }

  /** The same value with trailing fractional zeros removed (never a negative scale). */
  stripTrailingZeros(): Decimal {
    let u = this.unscaled;
    let s = this.scale;
    while (s > 0 && u % 10n === 0n) {
      u /= 10n;
      s--;
    }
    return s === this.scale ? this : new Decimal(u, s);
  }

  /** A string equal for numerically equal values: a key for hashing (GROUP BY, DISTINCT, sets). */
  key(): string {
    return this.stripTrailingZeros().toString();
  }

  private rescaled(scale: number): bigint {
    return scale === this.scale ? this.unscaled : this.unscaled * pow10(scale - this.scale);
  }
}

export function isDecimal(value: unknown): value is Decimal {
  return value instanceof Decimal;
}

/** Precision and scale of a DECIMAL type. */
export interface DecimalShape {
  readonly precision: number;
  readonly scale: number;
}

/**
 * Result types of decimal arithmetic, as ksqlDB derives them (the SQL Server rules it copied).
 * The engine rounds each result HALF_UP to the derived scale.
 */
export function decimalAddShape(a: DecimalShape, b: DecimalShape): DecimalShape {
  const scale = Math.max(a.scale, b.scale);
  return { precision: scale + Math.max(a.precision - a.scale, b.precision - b.scale) + 1, scale };
}

export const decimalSubtractShape = decimalAddShape;

export function decimalMultiplyShape(a: DecimalShape, b: DecimalShape): DecimalShape {
  return { precision: a.precision + b.precision + 1, scale: a.scale + b.scale };
}

export function decimalDivideShape(a: DecimalShape, b: DecimalShape): DecimalShape {
  const scale = Math.max(6, a.scale + b.precision + 1);
  return { precision: a.precision - a.scale + b.scale + scale, scale };
}

export function decimalModuloShape(a: DecimalShape, b: DecimalShape): DecimalShape {
  const scale = Math.max(a.scale, b.scale);
  return { precision: Math.min(a.precision - a.scale, b.precision - b.scale) + scale, scale };
}

/** The DECIMAL an integer type widens to: INTEGER → DECIMAL(10, 0), BIGINT → DECIMAL(19, 0). */
export const INTEGER_DECIMAL: DecimalShape = { precision: 10, scale: 0 };
export const BIGINT_DECIMAL: DecimalShape = { precision: 19, scale: 0 };

/**
 * Converts `value` to DECIMAL(precision, scale) the way ksqlDB's DecimalUtil.ensureFit does: round
 * HALF_UP to the scale, then fail if the integer part does not fit.
 */
export function fitDecimal(value: Decimal, precision: number, scale: number): Decimal {
  const r = value.setScale(scale, 'HALF_UP');
  if (r.precision() > precision) {
    throw new Error(
      `Numeric field overflow: A field with precision ${precision} and scale ${scale} ` +
        `must round to an absolute value less than 10^${precision - scale}. Got ${value.toString()}`,
    );
  }
  return r;
}
