/** Every built-in function family, in one list per kind. */
import { COLLECT_AGGREGATES } from './aggregate/collect';
import { COUNT_AGGREGATES } from './aggregate/count';
import { MIN_MAX_AGGREGATES } from './aggregate/min-max';
import { OFFSET_AGGREGATES } from './aggregate/offset';
import { STATS_AGGREGATES } from './aggregate/stats';
import { SUM_AVG_AGGREGATES } from './aggregate/sum-avg';
import { TOPK_AGGREGATES } from './aggregate/topk';
import type { AggregateSpec, ScalarSpec, TableSpec } from './define';
import { TABLE_FUNCTIONS } from './table/explode';
import { DATETIME_FUNCTIONS } from './scalar/datetime';
import { DATETIME_ARITHMETIC_FUNCTIONS } from './scalar/datetime-arithmetic';
import { ARRAY_FUNCTIONS } from './scalar/array';
import { ARRAY_SET_FUNCTIONS } from './scalar/array-set';
import { LAMBDA_FUNCTIONS } from './scalar/lambda';
import { MAP_FUNCTIONS } from './scalar/map';
import { MISC_FUNCTIONS } from './scalar/misc';
import { URL_FUNCTIONS } from './scalar/url';
import { JSON_FUNCTIONS } from './scalar/json';
import { MATH_FUNCTIONS } from './scalar/math';
import { MATH_EXTRA_FUNCTIONS } from './scalar/math-extra';
import { NULL_FUNCTIONS } from './scalar/nulls';
import { STRING_FUNCTIONS } from './scalar/string';
import { STRING_SEARCH_FUNCTIONS } from './scalar/string-search';
import { ENCODING_FUNCTIONS } from './scalar/string-encoding';
import { PAD_MASK_FUNCTIONS } from './scalar/string-pad-mask';
import { REGEX_FUNCTIONS } from './scalar/string-regex';
import { TRIG_FUNCTIONS } from './scalar/trigonometry';

export const ALL_SCALARS: readonly ScalarSpec[] = [
  ...STRING_FUNCTIONS,
  ...STRING_SEARCH_FUNCTIONS,
  ...PAD_MASK_FUNCTIONS,
  ...REGEX_FUNCTIONS,
  ...ENCODING_FUNCTIONS,
  ...NULL_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...MATH_EXTRA_FUNCTIONS,
  ...TRIG_FUNCTIONS,
  ...DATETIME_FUNCTIONS,
  ...DATETIME_ARITHMETIC_FUNCTIONS,
  ...JSON_FUNCTIONS,
  ...ARRAY_FUNCTIONS,
  ...ARRAY_SET_FUNCTIONS,
  ...MAP_FUNCTIONS,
  ...LAMBDA_FUNCTIONS,
  ...URL_FUNCTIONS,
  ...MISC_FUNCTIONS,
];

export const ALL_AGGREGATES: readonly AggregateSpec[] = [
  ...COUNT_AGGREGATES,
  ...SUM_AVG_AGGREGATES,
  ...MIN_MAX_AGGREGATES,
  ...OFFSET_AGGREGATES,
  ...COLLECT_AGGREGATES,
  ...TOPK_AGGREGATES,
  ...STATS_AGGREGATES,
];

export const ALL_TABLES: readonly TableSpec[] = [...TABLE_FUNCTIONS];
