import type { Literal } from '../sql/ast';
import { Decimal } from '../types/decimal';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, STRING, decimal, type SqlType } from '../types/sql-type';

/** A literal's value and type; NULL has type null (it takes its type from context). */
export function literalValue(lit: Literal): { value: unknown; type: SqlType | null } {
  switch (lit.kind) {
    case 'NullLiteral':
      return { value: null, type: null };
    case 'BooleanLiteral':
      return { value: lit.value, type: BOOLEAN };
    case 'IntegerLiteral':
      return { value: lit.value, type: INTEGER };
    case 'BigIntLiteral':
      return { value: Number(lit.value), type: BIGINT };
    case 'DoubleLiteral':
      return { value: lit.value, type: DOUBLE };
    case 'StringLiteral':
      return { value: lit.value, type: STRING };
    case 'DecimalLiteral': {
      const d = Decimal.parse(lit.value);
      return { value: d, type: decimal(Math.max(d.precision(), d.scale, 1), d.scale) };
    }
  }
}

/** The literal's value as a property value (WITH lists): strings and numbers as written. */
export function literalAsPropertyValue(lit: Literal): string | number | boolean | null {
  switch (lit.kind) {
    case 'NullLiteral':
      return null;
    case 'BooleanLiteral':
      return lit.value;
    case 'IntegerLiteral':
    case 'DoubleLiteral':
      return lit.value;
    case 'BigIntLiteral':
      return Number(lit.value);
    case 'DecimalLiteral':
      return Number(lit.value);
    case 'StringLiteral':
      return lit.value;
  }
}
