/** Trigonometric and angle functions. */
import type { ScalarSpec } from '../define';

const CAT = 'MATHEMATICAL';

const unary = (name: string, description: string, f: (x: number) => number): ScalarSpec => ({
  name,
  category: CAT,
  description,
  variants: [{ params: ['value DOUBLE'], returns: 'DOUBLE', impl: f }],
});

export const TRIG_FUNCTIONS: readonly ScalarSpec[] = [
  unary('SIN', 'The sine of an angle in radians.', Math.sin),
  unary('COS', 'The cosine of an angle in radians.', Math.cos),
  unary('TAN', 'The tangent of an angle in radians.', Math.tan),
  unary('COT', 'The cotangent of an angle in radians.', (x) => 1 / Math.tan(x)),
  unary('ASIN', 'The arc sine, in radians.', Math.asin),
  unary('ACOS', 'The arc cosine, in radians.', Math.acos),
  unary('ATAN', 'The arc tangent, in radians.', Math.atan),
  unary('SINH', 'The hyperbolic sine.', Math.sinh),
  unary('COSH', 'The hyperbolic cosine.', Math.cosh),
  unary('TANH', 'The hyperbolic tangent.', Math.tanh),
  // Java's Math.toDegrees/toRadians multiply by these constants; dividing by PI can differ in the last bit.
  unary('DEGREES', 'Converts radians to degrees.', (x) => x * 57.29577951308232),
  unary('RADIANS', 'Converts degrees to radians.', (x) => x * 0.017453292519943295),
  {
    name: 'ATAN2',
    category: CAT,
    description: 'The angle in radians of the point (x, y).',
    variants: [{ params: ['y DOUBLE', 'x DOUBLE'], returns: 'DOUBLE', impl: Math.atan2 }],
  },
  {
    name: 'PI',
    category: CAT,
    description: 'The constant π.',
    variants: [{ params: [], returns: 'DOUBLE', impl: () => Math.PI }],
  },
];
