/** Every built-in function family, in one list per kind. */
import type { AggregateSpec, ScalarSpec, TableSpec } from './define';
import { DATETIME_FUNCTIONS } from './scalar/datetime';
import { DATETIME_ARITHMETIC_FUNCTIONS } from './scalar/datetime-arithmetic';
import { MATH_FUNCTIONS } from './scalar/math';
import { MATH_EXTRA_FUNCTIONS } from './scalar/math-extra';
import { NULL_FUNCTIONS } from './scalar/nulls';
import { STRING_FUNCTIONS } from './scalar/string';
import { ENCODING_FUNCTIONS } from './scalar/string-encoding';
import { PAD_MASK_FUNCTIONS } from './scalar/string-pad-mask';
import { REGEX_FUNCTIONS } from './scalar/string-regex';
import { TRIG_FUNCTIONS } from './scalar/trigonometry';

export const ALL_SCALARS: readonly ScalarSpec[] = [
  ...STRING_FUNCTIONS,
  ...PAD_MASK_FUNCTIONS,
  ...REGEX_FUNCTIONS,
  ...ENCODING_FUNCTIONS,
  ...NULL_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...MATH_EXTRA_FUNCTIONS,
  ...TRIG_FUNCTIONS,
  ...DATETIME_FUNCTIONS,
  ...DATETIME_ARITHMETIC_FUNCTIONS,
];

export const ALL_AGGREGATES: readonly AggregateSpec[] = [];

export const ALL_TABLES: readonly TableSpec[] = [];
