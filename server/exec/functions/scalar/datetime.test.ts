import { describe, expect, it } from 'vitest';
import { BIGINT, DATE, INTEGER, STRING, TIME, TIMESTAMP } from '../../../types/sql-type';
import { call, resolve } from '../testing';

const S = STRING;
const TS = TIMESTAMP;
const T0 = 1526075913000; // 2018-05-11T21:58:33Z

describe('date and time functions', () => {
  it.each([
    ['FORMAT_TIMESTAMP', [TS, S], [T0, 'yyyy-MM-dd HH:mm:ss'], '2018-05-11 21:58:33'],
    [
      'FORMAT_TIMESTAMP',
      [TS, S, S],
      [T0, 'yyyy-MM-dd HH:mm:ss zzz', 'America/Los_Angeles'],
      '2018-05-11 14:58:33 PDT',
    ],
    [
      'TIMESTAMPTOSTRING',
      [BIGINT, S, S],
      [T0, 'yyyy-MM-dd HH:mm:ss zzz', 'Europe/London'],
      '2018-05-11 22:58:33 BST',
    ],
    ['PARSE_TIMESTAMP', [S, S], ['2018-05-11T21:58:33', "yyyy-MM-dd'T'HH:mm:ss"], T0],
    ['PARSE_TIMESTAMP', [S, S, S], ['2018-05-11 23:58:33', 'yyyy-MM-dd HH:mm:ss', 'Europe/Paris'], T0],
    ['STRINGTOTIMESTAMP', [S, S], ['2018-05-11T21:58:33Z', "yyyy-MM-dd'T'HH:mm:ssX"], T0],
    ['FORMAT_DATE', [DATE, S], [18993, 'dd-MMM-yyyy'], '01-Jan-2022'],
    ['FORMAT_DATE', [DATE, S], [-1, "dd-MM-yyyy'Sophia'"], '31-12-1969Sophia'],
    ['DATETOSTRING', [INTEGER, S], [17662, 'yyyy-MM-dd'], '2018-05-11'],
    ['PARSE_DATE', [S, S], ['01-JAN-2022', 'dd-MMM-yyyy'], 18993],
    ['PARSE_DATE', [S, S], ['2003-12-24-01-01', 'yyyy-MM-dd'], 12410],
    ['STRINGTODATE', [S, S], ['11/05/2019', 'dd/MM/yyyy'], 18027],
    ['FORMAT_TIME', [TIME, S], [65000, 'HH_mm_ss_SSS'], '00_01_05_000'],
    ['FORMAT_TIME', [TIME, S], [1234567, "HHmmss'AAAAA'"], '002034AAAAA'],
    ['PARSE_TIME', [S, S], ['00:20:34', 'HH:mm:ss'], 1234000],
    ['CONVERT_TZ', [TS, S, S], [T0, 'UTC', 'America/Los_Angeles'], T0 - 7 * 3_600_000],
    ['CONVERT_TZ', [TS, S, S], [T0, 'Asia/Kolkata', 'UTC'], T0 - 19_800_000],
    ['FROM_UNIXTIME', [BIGINT], [100], 100],
    ['FROM_DAYS', [INTEGER], [5], 5],
    ['UNIX_TIMESTAMP', [TS], [T0], T0],
    ['UNIX_DATE', [DATE], [10], 10],
    ['FORMAT_TIMESTAMP', [TS, S], [null, 'yyyy'], null],
  ])('%s(%j) = %j', (name, types, args, expected) => expect(call(name, types, ...args)).toEqual(expected));

  it('reads the clock for the no-argument forms', () => {
    const before = Date.now();
    expect(call('UNIX_TIMESTAMP', []) as number).toBeGreaterThanOrEqual(before);
    expect(call('UNIX_DATE', [])).toBe(Math.floor(Date.now() / 86_400_000));
    expect(resolve('UNIX_TIMESTAMP').nondeterministic).toBe(true);
    expect(resolve('UNIX_TIMESTAMP', TS).nondeterministic).toBe(false);
  });

  it('explains parse failures and bad zones', () => {
    expect(() => call('PARSE_TIMESTAMP', [S, S], 'not a time', 'yyyy-MM-dd')).toThrow(
      "Failed to parse timestamp 'not a time' with formatter 'yyyy-MM-dd': Text 'not a time' could not be parsed at index 0",
    );
    expect(() => call('FORMAT_TIMESTAMP', [TS, S, S], 0, 'yyyy', 'Nowhere/Land')).toThrow(
      'Unknown time-zone ID',
    );
    expect(() => call('FORMAT_TIMESTAMP', [TS, S], 0, 'yyyy-bb')).toThrow('Unknown pattern letter: b');
  });
});

describe('date and time arithmetic', () => {
  it.each([
    ['TIMESTAMPADD', TS, ['MILLISECONDS', 10, 10], 20],
    ['TIMESTAMPADD', TS, ['DAYS', 1, 0], 86_400_000],
    ['TIMESTAMPADD', TS, ['hour', -2, 0], -7_200_000],
    ['TIMESTAMPSUB', TS, ['SECONDS', 5, 10_000], 5000],
    ['DATEADD', DATE, ['DAYS', 10, 10], 20],
    ['DATEADD', DATE, ['DAYS', -5, 2], -3],
    ['DATEADD', DATE, ['HOURS', 25, 0], 1],
    ['DATESUB', DATE, ['DAYS', 3, 2], -1],
    ['TIMEADD', TIME, ['MILLISECONDS', 10, 86399995], 5],
    ['TIMEADD', TIME, ['MILLISECONDS', -5, 2], 86399997],
    ['TIMESUB', TIME, ['MILLISECONDS', 10, 5], 86399995],
    ['TIMESUB', TIME, ['MINUTES', 1, 120_000], 60_000],
    ['TIMEADD', TIME, ['MILLISECONDS', null, 5], null],
  ])('%s(%j)', (name, type, args, expected) =>
    expect(call(name, [S, INTEGER, type], ...args)).toBe(expected),
  );

  it('rejects a value of the wrong type and unknown units', () => {
    expect(() => resolve('dateadd', DATE, INTEGER, DATE)).toThrow(
      "Function 'dateadd' does not accept parameters (DATE, INTEGER, DATE).",
    );
    expect(() => resolve('timestampadd', TS, INTEGER, TS)).toThrow(
      "Function 'timestampadd' does not accept parameters",
    );
    expect(() => call('TIMESTAMPADD', [S, INTEGER, TS], 'FORTNIGHTS', 1, 0)).toThrow('Unknown time unit');
  });
});
