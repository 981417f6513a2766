/**
 * Arithmetic with Java semantics, for the expression compiler to call or inline.
 *
 * - INTEGER wraps at 32 bits like Java's int; BIGINT wraps at 64 bits (exact while results stay
 *   within ±2^53, see values.ts) — the slow BigInt path only runs when a result leaves that range.
 * - Integer division truncates toward zero; integer `/ 0` and `% 0` throw `/ by zero` like Java
 *   (the engine turns a throwing expression into NULL plus a processing-log record, as ksqlDB does).
 * - DOUBLE follows IEEE 754: `x / 0` is ±Infinity or NaN.
 * - DECIMAL results get the precision and scale of decimal.ts's shape rules; division rounds HALF_UP.
 */
import { asDecimalShape } from './coercion';
import {
  Decimal,
  decimalAddShape,
  decimalDivideShape,
  decimalModuloShape,
  decimalMultiplyShape,
  decimalSubtractShape,
  type DecimalShape,
} from './decimal';
import { BIGINT, DOUBLE, INTEGER, decimal, isNumeric, type SqlType } from './sql-type';

const INT_MIN = -2147483648;

export function addInt(a: number, b: number): number {
  return (a + b) | 0;
}
export function subtractInt(a: number, b: number): number {
  return (a - b) | 0;
}
export function multiplyInt(a: number, b: number): number {
  return Math.imul(a, b);
}
export function divideInt(a: number, b: number): number {
  if (b === 0) throw new Error('/ by zero');
  return (a / b) | 0;
}
export function moduloInt(a: number, b: number): number {
  if (b === 0) throw new Error('/ by zero');
  return (a % b) | 0;
}
export function negateInt(a: number): number {
  return a === INT_MIN ? INT_MIN : -a | 0;
}

/** Java's (int) cast of a long: keeps the low 32 bits. */
export function toInt32(v: number): number {
  return Number.isSafeInteger(v) ? v | 0 : Number(BigInt.asIntN(32, BigInt(Math.trunc(v))));
}

/** Wraps an exact bigint result to Java's long range and back to a number. */
export function wrapLong(v: bigint): number {
  return Number(BigInt.asIntN(64, v));
}

export function addBigint(a: number, b: number): number {
  const r = a + b;
  return Number.isSafeInteger(r) ? r : wrapLong(BigInt(a) + BigInt(b));
}
export function subtractBigint(a: number, b: number): number {
  const r = a - b;
  return Number.isSafeInteger(r) ? r : wrapLong(BigInt(a) - BigInt(b));
}
export function multiplyBigint(a: number, b: number): number {
  const r = a * b;
  return Number.isSafeInteger(r) ? r : wrapLong(BigInt(a) * BigInt(b));
}
export function divideBigint(a: number, b: number): number {
  if (b === 0) throw new Error('/ by zero');
  // Float division can round across an integer boundary for large operands.
  if (Math.abs(a) < 2 ** 31) return Math.trunc(a / b) + 0;
  return wrapLong(BigInt(a) / BigInt(b));
}
export function moduloBigint(a: number, b: number): number {
  if (b === 0) throw new Error('/ by zero');
  return (a % b) + 0; // fmod is exact on integers; `+ 0` turns -0 into 0
}
export function negateBigint(a: number): number {
  return a === 0 ? 0 : -a;
}

export function divideDouble(a: number, b: number): number {
  return a / b;
}
export function moduloDouble(a: number, b: number): number {
  return a % b;
}

export function addDecimal(a: Decimal, b: Decimal, shape: DecimalShape): Decimal {
  return a.add(b).setScale(shape.scale);
}
export function subtractDecimal(a: Decimal, b: Decimal, shape: DecimalShape): Decimal {
  return a.subtract(b).setScale(shape.scale);
}
export function multiplyDecimal(a: Decimal, b: Decimal, shape: DecimalShape): Decimal {
  return a.multiply(b).setScale(shape.scale);
}
export function divideDecimal(a: Decimal, b: Decimal, shape: DecimalShape): Decimal {
  return a.divide(b, shape.scale, 'HALF_UP');
}
export function moduloDecimal(a: Decimal, b: Decimal, shape: DecimalShape): Decimal {
  return a.remainder(b).setScale(shape.scale);
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

/**
 * The type of `left op right` (ksqlDB's rules): DOUBLE wins, then DECIMAL (with decimal.ts's
 * precision/scale derivation, integers as DECIMAL(10|19, 0)), then BIGINT, then INTEGER; `+` also
 * concatenates two STRINGs. Undefined when the operation is not allowed ("Arithmetic on types X
 * and Y are not supported").
 */
export function arithmeticResultType(op: ArithmeticOp, left: SqlType, right: SqlType): SqlType | undefined {
  if (op === '+' && left.kind === 'STRING' && right.kind === 'STRING') return left;
  if (!isNumeric(left) || !isNumeric(right)) return undefined;
  if (left.kind === 'DOUBLE' || right.kind === 'DOUBLE') return DOUBLE;
  if (left.kind === 'DECIMAL' || right.kind === 'DECIMAL') {
    const a = asDecimalShape(left)!;
    const b = asDecimalShape(right)!;
    const shape = DECIMAL_SHAPES[op](a, b);
    return decimal(shape.precision, shape.scale);
  }
  return left.kind === 'BIGINT' || right.kind === 'BIGINT' ? BIGINT : INTEGER;
}

const DECIMAL_SHAPES: Record<ArithmeticOp, (a: DecimalShape, b: DecimalShape) => DecimalShape> = {
  '+': decimalAddShape,
  '-': decimalSubtractShape,
  '*': decimalMultiplyShape,
  '/': decimalDivideShape,
  '%': decimalModuloShape,
};

type Binary = (a: never, b: never) => unknown;

const INT_OPS: Record<ArithmeticOp, Binary> = {
  '+': addInt,
  '-': subtractInt,
  '*': multiplyInt,
  '/': divideInt,
  '%': moduloInt,
};
const BIGINT_OPS: Record<ArithmeticOp, Binary> = {
  '+': addBigint,
  '-': subtractBigint,
  '*': multiplyBigint,
  '/': divideBigint,
  '%': moduloBigint,
};
const DOUBLE_OPS: Record<ArithmeticOp, Binary> = {
  '+': (a: number, b: number) => a + b,
  '-': (a: number, b: number) => a - b,
  '*': (a: number, b: number) => a * b,
  '/': divideDouble,
  '%': moduloDouble,
};
const DECIMAL_OPS: Record<ArithmeticOp, (a: Decimal, b: Decimal, s: DecimalShape) => Decimal> = {
  '+': addDecimal,
  '-': subtractDecimal,
  '*': multiplyDecimal,
  '/': divideDecimal,
  '%': moduloDecimal,
};

/**
 * The run-time operation for `op` producing `resultType` (from arithmeticResultType). Operands must
 * already be coerced to the result type, except for DECIMAL results where integer operands are
 * accepted too. NULL in, NULL out.
 */
export function arithmeticFunction(
  op: ArithmeticOp,
  resultType: SqlType,
): (a: unknown, b: unknown) => unknown {
  let f: (a: unknown, b: unknown) => unknown;
  switch (resultType.kind) {
    case 'INTEGER':
      f = INT_OPS[op] as (a: unknown, b: unknown) => unknown;
      break;
    case 'BIGINT':
      f = BIGINT_OPS[op] as (a: unknown, b: unknown) => unknown;
      break;
    case 'DOUBLE':
      f = DOUBLE_OPS[op] as (a: unknown, b: unknown) => unknown;
      break;
    case 'STRING':
      f = (a, b) => (a as string) + (b as string);
      break;
    case 'DECIMAL': {
      const g = DECIMAL_OPS[op];
      const shape: DecimalShape = resultType;
      f = (a, b) => g(Decimal.from(a as Decimal | number), Decimal.from(b as Decimal | number), shape);
      break;
    }
    default:
      throw new Error(`Arithmetic producing ${resultType.kind} is not supported`);
  }
  return (a, b) => (a === null || a === undefined || b === null || b === undefined ? null : f(a, b));
}
