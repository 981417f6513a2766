import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, dayOfWeek, plusMonths } from './civil';
import { formatDate, formatTime, formatTimestamp } from './format';
import {
  formatIsoDate,
  formatIsoTime,
  formatIsoTimestamp,
  parseIsoDate,
  parseIsoTime,
  parseIsoTimestamp,
} from './iso';
import { parseDate, parseTime, parseTimestamp } from './parse';
import { compilePattern } from './pattern';
import { getTimeZone, localToUtc, UTC } from './zone';

const T = Date.UTC(2018, 4, 11, 21, 58, 33, 45); // Friday 2018-05-11 21:58:33.045 UTC

describe('civil calendar', () => {
  it.each([
    [0, 1970, 1, 1],
    [-1, 1969, 12, 31],
    [18993, 2022, 1, 1],
    [11016, 2000, 2, 29],
    [-719528, 0, 1, 1],
  ])('day %i is %i-%i-%i', (days, y, m, d) => {
    expect(civilFromDays(days)).toEqual({ year: y, month: m, day: d });
    expect(daysFromCivil(y, m, d)).toBe(days);
  });
  it('knows weekdays and clamps month arithmetic', () => {
    expect(dayOfWeek(0)).toBe(4); // Thursday
    expect(plusMonths({ year: 2020, month: 1, day: 31 }, 1)).toEqual({ year: 2020, month: 2, day: 29 });
    expect(plusMonths({ year: 2020, month: 1, day: 15 }, -13)).toEqual({ year: 2018, month: 12, day: 15 });
  });
});

describe('time zones', () => {
  it.each([
    ['UTC', 0],
    ['+05:30', 19_800_000],
    ['-0800', -28_800_000],
    ['GMT+2', 7_200_000],
    ['America/Los_Angeles', -25_200_000], // PDT in May
    ['Europe/Paris', 7_200_000],
    ['Asia/Kolkata', 19_800_000],
  ])('%s has offset %i in May 2018', (id, offset) => expect(getTimeZone(id).offsetAt(T)).toBe(offset));

  it('rejects unknown ids', () => expect(() => getTimeZone('Mars/Olympus')).toThrow('Unknown time-zone ID'));

  it('resolves local times in gaps and overlaps like java.time', () => {
    const la = getTimeZone('America/Los_Angeles');
    // 2019-03-10 02:30 does not exist in LA: it becomes 03:30 PDT.
    expect(localToUtc(Date.UTC(2019, 2, 10, 2, 30), la)).toBe(Date.UTC(2019, 2, 10, 10, 30));
    // 2019-11-03 01:30 happens twice: the earlier (PDT) wins.
    expect(localToUtc(Date.UTC(2019, 10, 3, 1, 30), la)).toBe(Date.UTC(2019, 10, 3, 8, 30));
    const paris = getTimeZone('Europe/Paris');
    expect(localToUtc(Date.UTC(2019, 9, 27, 2, 30), paris)).toBe(Date.UTC(2019, 9, 27, 0, 30));
  });
});

describe('pattern compilation', () => {
  it('splits letters, quotes and optional sections', () => {
    const p = compilePattern("yyyy-MM-dd'T'HH[:mm]''X");
    expect(p.tokens.map((t) => t.kind)).toEqual([
      'field',
      'literal',
      'field',
      'literal',
      'field',
      'literal',
      'field',
      'optional',
      'literal',
      'field',
    ]);
    expect(p.hasZone).toBe(true);
    expect(compilePattern("yyyy-MM-dd'T'HH[:mm]''X")).toBe(p);
  });
  it.each(['yyyy-MM-dd bbb', "yyyy 'open", 'yyyy]', 'HHH', 'yyyy{'])('rejects %j', (p) =>
    expect(() => compilePattern(p)).toThrow(),
  );
});

describe('formatting', () => {
  it.each([
    ["yyyy-MM-dd'T'HH:mm:ss.SSSX", 'UTC', '2018-05-11T21:58:33.045Z'],
    ['yyyy-MM-dd HH:mm:ss', 'America/Los_Angeles', '2018-05-11 14:58:33'],
    ['dd/MM/yy h:mm a', 'UTC', '11/05/18 9:58 PM'],
    ['EEE, d MMM yyyy', 'UTC', 'Fri, 11 May 2018'],
    ['EEEE MMMM', 'UTC', 'Friday May'],
    ['HH:mm XXX', 'Asia/Kolkata', '03:28 +05:30'],
    ['HH:mm Z', 'America/Los_Angeles', '14:58 -0700'],
    ['HH:mm xx', 'UTC', '21:58 +0000'],
    ['HH:mm z', 'America/Los_Angeles', '14:58 PDT'],
    ['HH:mm z', 'Europe/Paris', '23:58 CEST'],
    ['HH:mm VV', 'Europe/Paris', '23:58 Europe/Paris'],
    ['D Q k K S n', 'UTC', '131 2 21 9 0 45000000'],
    ["'week' w 'quarter' QQQ", 'UTC', 'week 19 quarter Q2'],
    ['yyyy[-MM]', 'UTC', '2018-05'],
  ])('%j in %s', (pattern, zone, expected) =>
    expect(formatTimestamp(T, pattern, getTimeZone(zone))).toBe(expected),
  );

  it('formats dates and times, rejecting fields they lack', () => {
    expect(formatDate(18993, 'dd-MMM-yyyy')).toBe('01-Jan-2022');
    expect(() => formatDate(18993, 'yyyy HH')).toThrow('Unsupported field: HourOfDay');
    expect(formatTime(45_296_789, 'HH:mm:ss.SSS')).toBe('12:34:56.789');
    expect(() => formatTime(0, 'yyyy')).toThrow('Unsupported field: YearOfEra');
  });
});

describe('parsing', () => {
  it.each([
    ["yyyy-MM-dd'T'HH:mm:ssX", '2018-05-11T21:58:33Z', 'UTC', 1526075913000],
    ["yyyy-MM-dd'T'HH:mm:ssX", '2020-05-11T21:58:33z', 'UTC', 1589234313000],
    ["yyyy-MM-dd'T'HH:mm:ss", '2018-05-11T21:58:33', 'UTC', 1526075913000],
    ["yyyy-MM-dd'T'HH:mm:ss zzz", '2018-05-11T21:58:33 PST', 'UTC', 1526101113000],
    ["yyyy-MM-dd'T'HH:mm:ss.SX", '2019-08-27T13:31:09.2+0000', 'UTC', 1566912669200],
    ['yyyy-MM-dd HH:mm:ss', '2018-05-11 14:58:33', 'America/Los_Angeles', 1526075913000],
    ['yyyyMMddHHmmss', '20180511215833', 'UTC', 1526075913000],
    ['dd/MM/yyyy hh:mm a', '11/05/2018 09:58 pm', 'UTC', Date.UTC(2018, 4, 11, 21, 58)],
    ['yyyy-MM-dd HH:mm VV', '2018-05-11 23:58 Europe/Paris', 'UTC', Date.UTC(2018, 4, 11, 21, 58)],
    ['yyyy-MM-dd HH:mm XXX', '2018-05-11 23:58 +02:00', 'UTC', Date.UTC(2018, 4, 11, 21, 58)],
    ['yyyy-MM-dd[ HH:mm]', '2018-05-11', 'UTC', Date.UTC(2018, 4, 11)],
    ['yyyy', '2018', 'UTC', Date.UTC(2018, 0, 1)],
  ])('%j reads %j in %s', (pattern, text, zone, expected) =>
    expect(parseTimestamp(text, pattern, getTimeZone(zone))).toBe(expected),
  );

  it.each([
    ["yyyy-MM-dd'Lit'", '2018-05-11Lit', 17662],
    ['dd/MM/yyyy', '11/05/2019', 18027],
    ['dd-MMM-yyyy', '01-JAN-2022', 18993],
    ['MMM-yyyy', 'Jan-2022', 18993],
    ['yyyy-MM-dd', '2019-02-30', daysFromCivil(2019, 2, 28)],
    ['yyyyDDD', '2022032', daysFromCivil(2022, 2, 1)],
  ])('date %j reads %j', (pattern, text, days) => expect(parseDate(text, pattern)).toBe(days));

  it('parses times', () => {
    expect(parseTime('12:34:56.789', 'HH:mm:ss.SSS')).toBe(45_296_789);
    expect(parseTime('1:05 PM', 'h:mm a')).toBe(13 * 3_600_000 + 5 * 60_000);
  });

  it.each([
    ['yyyy-MM-dd', '2018-05', 'could not be parsed at index 7'],
    ['yyyy-MM-dd', '2018-05-11x', 'unparsed text found at index 10'],
    ['yyyy-MM-dd', '2018-13-01', 'Invalid value for MonthOfYear'],
    ['HH:mm', '25:00', 'Invalid value for HourOfDay'],
  ])('%j rejects %j', (pattern, text, message) =>
    expect(() => parseTimestamp(text, pattern, UTC)).toThrow(message),
  );
});

describe('ISO text forms', () => {
  it.each([
    ['1970-01-01T00:00:00.010', 10],
    ['1970-01-01T00:00:01', 1000],
    ['2019-01-01', Date.UTC(2019, 0, 1)],
    ['2019', Date.UTC(2019, 0, 1)],
    ['2019-03-04T05:06', Date.UTC(2019, 2, 4, 5, 6)],
    ['2019-03-04T05:06:07+0100', Date.UTC(2019, 2, 4, 4, 6, 7)],
    ['2019-03-04T05:06:07.123456Z', Date.UTC(2019, 2, 4, 5, 6, 7, 123)],
    ['foo', null],
    ['2019-13-01', null],
  ])('timestamp %j', (text, ms) => expect(parseIsoTimestamp(text)).toBe(ms));

  it('parses dates and times', () => {
    expect(parseIsoDate('1970-01-10')).toBe(9);
    expect(parseIsoDate('1970-01')).toBe(0);
    expect(parseIsoDate('1969-12-31')).toBe(-1);
    expect(parseIsoTime('00:01')).toBe(60_000);
    expect(parseIsoTime('00:00:00.010')).toBe(10);
    expect(parseIsoTime('24:00')).toBeNull();
  });

  it('formats like ksqlDB casts', () => {
    expect(formatIsoTimestamp(10)).toBe('1970-01-01T00:00:00.010');
    expect(formatIsoTimestamp(-1)).toBe('1969-12-31T23:59:59.999');
    expect(formatIsoDate(-1)).toBe('1969-12-31');
    expect(formatIsoTime(5000)).toBe('00:00:05');
    expect(formatIsoTime(5)).toBe('00:00:00.005');
  });
});
