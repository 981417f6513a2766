/** SUM, SUM_LIST and AVG. */
import { addBigint, addInt } from '../../../types/arithmetic';
import { Decimal, fitDecimal } from '../../../types/decimal';
import type { SqlType } from '../../../types/sql-type';
import type { AggregateSpec, AggregateVariantSpec } from '../define';
import type { Aggregator } from '../types';

type Add = (a: number, b: number) => number;

function numberSum(add: Add, sub: Add, element: boolean): Aggregator<number> {
  const valueOf = (args: readonly unknown[]): number => {
    const v = args[0];
    if (v === null || v === undefined) return 0;
    if (!element) return v as number;
    let s = 0;
    for (const x of v as readonly (number | null)[]) if (x !== null) s = add(s, x);
    return s;
  };
  return {
    initial: () => 0,
    add: (acc, args) => add(acc, valueOf(args)),
    undo: (acc, args) => sub(acc, valueOf(args)),
    merge: add,
    result: (acc) => acc,
    toJSON: (acc) => acc,
    fromJSON: (j) => j as number,
  };
}

/** The sum keeps the argument's DECIMAL(p, s) and fails when it outgrows it, as ksqlDB does. */
function decimalSum(t: SqlType): Aggregator<Decimal> {
  const { precision, scale } = t.kind === 'DECIMAL' ? t : { precision: 38, scale: 0 };
  const zero = new Decimal(0n, scale);
  const step = (acc: Decimal, v: unknown, sign: 1 | -1): Decimal => {
    if (v === null || v === undefined) return acc;
    const d = v as Decimal;
    return fitDecimal(sign > 0 ? acc.add(d) : acc.subtract(d), precision, scale);
  };
  return {
    initial: () => zero,
    add: (acc, args) => step(acc, args[0], 1),
    undo: (acc, args) => step(acc, args[0], -1),
    merge: (a, b) => fitDecimal(a.add(b), precision, scale),
    result: (acc) => acc,
    toJSON: (acc) => acc.toString(),
    fromJSON: (j) => Decimal.parse(j as string),
  };
}

const subInt: Add = (a, b) => (a - b) | 0;
const subLong: Add = (a, b) => addBigint(a, -b);
const addDouble: Add = (a, b) => a + b;
const subDouble: Add = (a, b) => a - b;

const sumVariant = (type: string, add: Add, sub: Add, list = false): AggregateVariantSpec => ({
  params: [list ? `values ARRAY<${type}>` : `value ${type}`],
  returns: type,
  supportsUndo: true,
  intermediate: type,
  create: () => numberSum(add, sub, list),
});

/** AVG keeps [sum, count]; INTEGER and BIGINT sums are exact as doubles within 2^53. */
function average(): Aggregator<[number, number]> {
  return {
    initial: () => [0, 0],
    add: (acc, args) => {
      const v = args[0];
      if (v === null || v === undefined) return acc;
      acc[0] += typeof v === 'number' ? v : (v as Decimal).toNumber();
      acc[1] += 1;
      return acc;
    },
    undo: (acc, args) => {
      const v = args[0];
      if (v === null || v === undefined) return acc;
      acc[0] -= typeof v === 'number' ? v : (v as Decimal).toNumber();
      acc[1] -= 1;
      return acc;
    },
    merge: (a, b) => [a[0] + b[0], a[1] + b[1]],
    result: (acc) => (acc[1] === 0 ? null : acc[0] / acc[1]),
    toJSON: (acc) => [acc[0], acc[1]],
    fromJSON: (j) => {
      const [s, c] = j as [number, number];
      return [s, c];
    },
  };
}

const avgVariant = (type: string): AggregateVariantSpec => ({
  params: [`value ${type}`],
  returns: 'DOUBLE',
  supportsUndo: true,
  intermediate: 'STRUCT<SUM DOUBLE, COUNT BIGINT>',
  create: () => average(),
});

export const SUM_AVG_AGGREGATES: readonly AggregateSpec[] = [
  {
    name: 'SUM',
    description: 'The sum of the non-NULL values (0 if there are none).',
    variants: [
      sumVariant('INT', addInt, subInt),
      sumVariant('BIGINT', addBigint, subLong),
      sumVariant('DOUBLE', addDouble, subDouble),
      {
        params: ['value DECIMAL'],
        returns: (ctx) => ctx.params[0]!,
        returnsDoc: 'DECIMAL',
        supportsUndo: true,
        intermediate: 'DECIMAL',
        create: (ctx) => decimalSum(ctx.params[0]!),
      },
    ],
  },
  {
    name: 'SUM_LIST',
    description: 'The sum of all non-NULL elements of the arrays.',
    variants: [
      sumVariant('INT', addInt, subInt, true),
      sumVariant('BIGINT', addBigint, subLong, true),
      sumVariant('DOUBLE', addDouble, subDouble, true),
    ],
  },
  {
    name: 'AVG',
    description: 'The average of the non-NULL values, as a DOUBLE.',
    variants: [avgVariant('INT'), avgVariant('BIGINT'), avgVariant('DOUBLE'), avgVariant('DECIMAL')],
  },
];
