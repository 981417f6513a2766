/** English month and weekday names, as java.time prints them with Locale.ENGLISH/US. */
export const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const MONTHS_SHORT = MONTHS_LONG.map((m) => m.slice(0, 3));
/** Index 0 = Monday (ISO order). */
export const DAYS_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const DAYS_SHORT = DAYS_LONG.map((d) => d.slice(0, 3));
export const QUARTERS_LONG = ['1st quarter', '2nd quarter', '3rd quarter', '4th quarter'];
