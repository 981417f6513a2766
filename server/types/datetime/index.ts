/** Date/time support: java.time-style patterns, time zones and ksqlDB's ISO text forms. */
export { civilFromDays, daysFromCivil, epochDay, millisOfDay, MS_PER_DAY, plusMonths } from './civil';
export { formatDate, formatTime, formatTimestamp } from './format';
export {
  formatIsoDate,
  formatIsoTime,
  formatIsoTimestamp,
  parseIsoDate,
  parseIsoTime,
  parseIsoTimestamp,
} from './iso';
export { parseDate, parseTime, parseTimestamp } from './parse';
export { compilePattern } from './pattern';
export { getTimeZone, isValidTimeZone, localToUtc, UTC, type TimeZone } from './zone';
