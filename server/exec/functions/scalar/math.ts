/** Arithmetic functions: ABS, ROUND, FLOOR, CEIL, TRUNC, SIGN, SQRT, POWER, EXP, LN, LOG, CBRT, RANDOM. */
import { Decimal, type RoundingMode } from '../../../types/decimal';
import { decimal, type SqlType } from '../../../types/sql-type';
import type { ScalarSpec, TypeContext, VariantSpec } from '../define';

const CAT = 'MATHEMATICAL';

function dec(ctx: TypeContext, i = 0): { precision: number; scale: number } {
  const t = ctx.params[i];
  return t?.kind === 'DECIMAL' ? t : { precision: 38, scale: 0 };
}

/** Java's Math.round: half toward positive infinity, NaN → 0, saturating. */
function javaRound(v: number): number {
  if (Number.isNaN(v)) return 0;
  return Math.max(Math.min(Math.floor(v + 0.5), 2 ** 63), -(2 ** 63)) + 0;
}

// ksqlDB documents ROUND as rounding half "up (in the positive direction)".
function halfMode(sign: number): RoundingMode {
  return sign < 0 ? 'HALF_DOWN' : 'HALF_UP';
}

function roundDouble(v: number, places: number): number {
  if (!Number.isFinite(v)) return v;
  return Decimal.fromNumber(v).round(places, halfMode(v)).toNumber();
}

function truncDouble(v: number, places: number): number {
  if (!Number.isFinite(v)) return v;
  return Decimal.fromNumber(v).round(places, 'DOWN').toNumber();
}

/** Rounds a decimal to `places` but keeps its scale (ksqlDB's ROUND(decimal, n) output type). */
function roundKeepScale(d: Decimal, places: number, mode: RoundingMode): Decimal {
  return d.round(Math.min(places, d.scale), mode).setScale(d.scale);
}

const unaryDouble = (name: string, description: string, f: (x: number) => number): ScalarSpec => ({
  name,
  category: CAT,
  description,
  variants: [{ params: ['value DOUBLE'], returns: 'DOUBLE', impl: f }],
});

const perNumeric = (
  intImpl: (x: number) => number,
  dblImpl: (x: number) => number,
  decImpl: (x: Decimal) => Decimal,
  decReturn: (ctx: TypeContext) => SqlType = (c) => c.params[0]!,
): VariantSpec[] => [
  { params: ['value INT'], returns: 'INT', impl: intImpl },
  { params: ['value BIGINT'], returns: 'BIGINT', impl: intImpl },
  { params: ['value DOUBLE'], returns: 'DOUBLE', impl: dblImpl },
  { params: ['value DECIMAL'], returns: decReturn, returnsDoc: 'DECIMAL', impl: decImpl },
];

const identity = (x: number): number => x;

export const MATH_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'ABS',
    category: CAT,
    description: 'The absolute value.',
    variants: perNumeric(
      (x) => (x === -2147483648 ? x : Math.abs(x)),
      Math.abs,
      (d) => d.abs(),
    ),
  },
  {
    name: 'CEIL',
    category: CAT,
    description: 'The smallest integral value not less than the argument.',
    variants: perNumeric(identity, Math.ceil, (d) => d.setScale(0, 'CEILING').setScale(d.scale)),
  },
  {
    name: 'FLOOR',
    category: CAT,
    description: 'The largest integral value not greater than the argument.',
    variants: perNumeric(identity, Math.floor, (d) => d.setScale(0, 'FLOOR').setScale(d.scale)),
  },
  {
    name: 'ROUND',
    category: CAT,
    description:
      'Rounds to the nearest integer, or to a number of decimal places (negative rounds left of the point); halves round toward positive infinity.',
    variants: [
      { params: ['value INT'], returns: 'INT', impl: identity },
      { params: ['value BIGINT'], returns: 'BIGINT', impl: identity },
      { params: ['value DOUBLE'], returns: 'BIGINT', impl: javaRound },
      {
        params: ['value DECIMAL'],
        // ksqlDB's type: the integer digits only, so a carry (ROUND(9.5) = 10) can exceed it.
        returns: (c) => decimal(Math.max(dec(c).precision - dec(c).scale, 1), 0),
        returnsDoc: 'DECIMAL',
        impl: (d: Decimal) => d.setScale(0, halfMode(d.signum())),
      },
      {
        params: ['value DOUBLE', 'decimalPlaces INT'],
        returns: 'DOUBLE',
        impl: roundDouble,
      },
      {
        params: ['value DECIMAL', 'decimalPlaces INT'],
        returns: (c) => c.params[0]!,
        returnsDoc: 'DECIMAL',
        impl: (d: Decimal, n: number) => roundKeepScale(d, n, halfMode(d.signum())),
      },
    ],
  },
  {
    name: 'TRUNC',
    category: CAT,
    description: 'Truncates toward zero, to an integer or to a number of decimal places.',
    variants: [
      { params: ['value INT'], returns: 'INT', impl: identity },
      { params: ['value BIGINT'], returns: 'BIGINT', impl: identity },
      {
        params: ['value DOUBLE'],
        returns: 'BIGINT',
        impl: (v: number) => (Number.isNaN(v) ? 0 : Math.trunc(v) + 0),
      },
      {
        params: ['value DECIMAL'],
        returns: (c) => decimal(Math.max(dec(c).precision - dec(c).scale, 1), 0),
        returnsDoc: 'DECIMAL',
        impl: (d: Decimal) => d.setScale(0, 'DOWN'),
      },
      { params: ['value DOUBLE', 'decimalPlaces INT'], returns: 'DOUBLE', impl: truncDouble },
      {
        params: ['value DECIMAL', 'decimalPlaces INT'],
        returns: (c) => c.params[0]!,
        returnsDoc: 'DECIMAL',
        impl: (d: Decimal, n: number) => roundKeepScale(d, n, 'DOWN'),
      },
    ],
  },
  {
    name: 'SIGN',
    category: CAT,
    description: 'The sign of a number: -1, 0 or 1.',
    variants: [
      { params: ['value INT'], returns: 'INT', impl: Math.sign },
      { params: ['value BIGINT'], returns: 'INT', impl: Math.sign },
      {
        params: ['value DOUBLE'],
        returns: 'INT',
        impl: (v: number) => (Number.isNaN(v) ? 0 : Math.sign(v) + 0),
      },
      { params: ['value DECIMAL'], returns: 'INT', impl: (d: Decimal) => d.signum() },
    ],
  },
  unaryDouble('SQRT', 'The square root.', Math.sqrt),
  unaryDouble('CBRT', 'The cube root.', Math.cbrt),
  unaryDouble('EXP', "Euler's number raised to the value.", Math.exp),
  unaryDouble('LN', 'The natural logarithm.', Math.log),
  {
    name: 'LOG',
    category: CAT,
    // ksqlDB's one-argument LOG is the natural logarithm, despite its documentation.
    description: 'The natural logarithm, or the logarithm in a given base (NaN for a base ≤ 0 or 1).',
    variants: [
      { params: ['value DOUBLE'], returns: 'DOUBLE', impl: Math.log },
      {
        params: ['base DOUBLE', 'value DOUBLE'],
        returns: 'DOUBLE',
        impl: (b: number, v: number) => (b <= 0 || b === 1 ? NaN : Math.log(v) / Math.log(b)),
      },
    ],
  },
  {
    name: 'POWER',
    category: CAT,
    description: 'The base raised to the exponent.',
    variants: [{ params: ['base DOUBLE', 'exponent DOUBLE'], returns: 'DOUBLE', impl: Math.pow }],
  },
  {
    name: 'RANDOM',
    category: CAT,
    description: 'A pseudo-random DOUBLE in [0, 1).',
    nondeterministic: true,
    variants: [{ params: [], returns: 'DOUBLE', impl: Math.random }],
  },
];
