/** STDDEV_SAMP, STDDEV_SAMPLE and CORRELATION. */
import type { Decimal } from '../../../types/decimal';
import type { AggregateSpec, AggregateVariantSpec } from '../define';
import type { Aggregator } from '../types';

/** count, sum and M2 (sum of squared deviations), updated with Youngs–Cramer steps. */
type Moments = [count: number, sum: number, m2: number];

function num(v: unknown): number {
  return typeof v === 'number' ? v : (v as Decimal).toNumber();
}

function moments(finish: (m: Moments) => number | null): Aggregator<Moments> {
  return {
    initial: () => [0, 0, 0],
    add: (acc, args) => {
      if (args[0] === null || args[0] === undefined) return acc;
      const x = num(args[0]);
      acc[0] += 1;
      acc[1] += x;
      if (acc[0] > 1) {
        const t = acc[0] * x - acc[1];
        acc[2] += (t * t) / (acc[0] * (acc[0] - 1));
      }
      return acc;
    },
    undo: (acc, args) => {
      if (args[0] === null || args[0] === undefined || acc[0] === 0) return acc;
      const x = num(args[0]);
      if (acc[0] === 1) return [0, 0, 0];
      const t = acc[0] * x - acc[1];
      acc[2] = Math.max(acc[2] - (t * t) / (acc[0] * (acc[0] - 1)), 0);
      acc[0] -= 1;
      acc[1] -= x;
      return acc;
    },
    merge: (a, b) => {
      if (a[0] === 0) return [...b];
      if (b[0] === 0) return [...a];
      const n = a[0] + b[0];
      const delta = b[1] / b[0] - a[1] / a[0];
      return [n, a[1] + b[1], a[2] + b[2] + (delta * delta * a[0] * b[0]) / n];
    },
    result: finish,
    toJSON: (acc) => [...acc],
    fromJSON: (j) => {
      const [c, s, m] = j as Moments;
      return [c, s, m];
    },
  };
}

const variance = (m: Moments): number | null => (m[0] === 0 ? null : m[0] === 1 ? 0 : m[2] / (m[0] - 1));
const stddev = (m: Moments): number | null => {
  const v = variance(m);
  return v === null ? null : Math.sqrt(v);
};

const statVariants = (finish: (m: Moments) => number | null): AggregateVariantSpec[] =>
  ['INT', 'BIGINT', 'DOUBLE', 'DECIMAL'].map((type) => ({
    params: [`value ${type}`],
    returns: 'DOUBLE',
    supportsUndo: true,
    intermediate: 'STRUCT<COUNT BIGINT, SUM DOUBLE, M2 DOUBLE>',
    create: () => moments(finish),
  }));

type Sums = [n: number, sx: number, sy: number, sxx: number, syy: number, sxy: number];

function correlation(): Aggregator<Sums> {
  const step = (acc: Sums, args: readonly unknown[], d: 1 | -1): Sums => {
    const [x, y] = args;
    if (x === null || x === undefined || y === null || y === undefined) return acc;
    const a = num(x);
    const b = num(y);
    acc[0] += d;
    acc[1] += d * a;
    acc[2] += d * b;
    acc[3] += d * a * a;
    acc[4] += d * b * b;
    acc[5] += d * a * b;
    return acc;
  };
  return {
    initial: () => [0, 0, 0, 0, 0, 0],
    add: (acc, args) => step(acc, args, 1),
    undo: (acc, args) => step(acc, args, -1),
    merge: (a, b) => a.map((v, i) => v + b[i]!) as Sums,
    result: ([n, sx, sy, sxx, syy, sxy]) => {
      if (n === 0) return null;
      const cov = n * sxy - sx * sy;
      return cov / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    },
    toJSON: (acc) => [...acc],
    fromJSON: (j) => [...(j as Sums)] as Sums,
  };
}

export const STATS_AGGREGATES: readonly AggregateSpec[] = [
  {
    name: 'STDDEV_SAMP',
    description:
      'Sample variance of the non-NULL values. ksqlDB names it STDDEV_SAMP but returns the variance; Kappa keeps that for compatibility — use STDDEV_SAMPLE for the standard deviation.',
    variants: statVariants(variance),
  },
  {
    name: 'STDDEV_SAMPLE',
    description: 'Sample standard deviation of the non-NULL values (0 for a single value).',
    variants: statVariants(stddev),
  },
  {
    name: 'CORRELATION',
    description: "Pearson's correlation coefficient of two columns over the rows where both are non-NULL.",
    variants: [
      {
        params: ['x DOUBLE', 'y DOUBLE'],
        returns: 'DOUBLE',
        supportsUndo: true,
        intermediate: 'STRUCT<N, SX, SY, SXX, SYY, SXY>',
        create: () => correlation(),
      },
    ],
  },
];
