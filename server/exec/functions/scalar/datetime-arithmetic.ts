/**
 * TIMESTAMPADD/SUB, DATEADD/SUB, TIMEADD/SUB. The unit is ksqlDB's time-unit keyword
 * (MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS, singular or plural), which the binder passes as a
 * STRING argument.
 */
import { MS_PER_DAY } from '../../../types/datetime/civil';
import type { ScalarSpec } from '../define';

const CAT = 'DATE / TIME';

const UNIT_MS: Record<string, number> = {
  NANOSECOND: 1e-6,
  MICROSECOND: 1e-3,
  MILLISECOND: 1,
  SECOND: 1000,
  MINUTE: 60_000,
  HOUR: 3_600_000,
  DAY: MS_PER_DAY,
};

function unitMillis(unit: string): number {
  const u = unit.trim().toUpperCase();
  const ms = UNIT_MS[u.endsWith('S') ? u.slice(0, -1) : u];
  if (ms === undefined) throw new Error(`Unknown time unit: '${unit}'`);
  return ms;
}

function delta(unit: string, interval: number): number {
  return Math.trunc(interval * unitMillis(unit));
}

const tsAdd = (unit: string, n: number, ts: number): number => ts + delta(unit, n);
const tsSub = (unit: string, n: number, ts: number): number => ts - delta(unit, n);
const dateAdd = (unit: string, n: number, d: number): number =>
  Math.floor((d * MS_PER_DAY + delta(unit, n)) / MS_PER_DAY);
const dateSub = (unit: string, n: number, d: number): number =>
  Math.floor((d * MS_PER_DAY - delta(unit, n)) / MS_PER_DAY);
const wrapDay = (ms: number): number => ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
const timeAdd = (unit: string, n: number, t: number): number => wrapDay(t + delta(unit, n));
const timeSub = (unit: string, n: number, t: number): number => wrapDay(t - delta(unit, n));

function spec(
  name: string,
  description: string,
  type: string,
  impl: (u: string, n: number, v: number) => number,
): ScalarSpec {
  return {
    name,
    category: CAT,
    description,
    variants: [
      {
        params: [
          'unit STRING|MILLISECONDS, SECONDS, MINUTES, HOURS or DAYS',
          'interval INT|the number of units',
          `value ${type}`,
        ],
        returns: type,
        impl,
      },
    ],
  };
}

export const DATETIME_ARITHMETIC_FUNCTIONS: readonly ScalarSpec[] = [
  spec('TIMESTAMPADD', 'Adds an interval to a TIMESTAMP.', 'TIMESTAMP', tsAdd),
  spec('TIMESTAMPSUB', 'Subtracts an interval from a TIMESTAMP.', 'TIMESTAMP', tsSub),
  spec('DATEADD', 'Adds an interval to a DATE.', 'DATE', dateAdd),
  spec('DATESUB', 'Subtracts an interval from a DATE.', 'DATE', dateSub),
  spec('TIMEADD', 'Adds an interval to a TIME, wrapping around midnight.', 'TIME', timeAdd),
  spec('TIMESUB', 'Subtracts an interval from a TIME, wrapping around midnight.', 'TIME', timeSub),
];
