import { formatExpression } from '../sql';
import type { ComparisonOp, Expression } from '../sql/ast';

/**
 * An expression as ksqlDB prints it in error messages: binary operations in parentheses,
 * `(F1 * SUM(F2))`, booleans in lower case, constructors with `:=` unspaced (`MAP('a':=1)`),
 * everything else as the formatter writes it.
 */
export function ksqlText(e: Expression): string {
  switch (e.kind) {
    case 'Arithmetic':
    case 'Comparison':
      return `(${ksqlText(e.left)} ${e.op} ${ksqlText(e.right)})`;
    case 'Logical':
      return `(${ksqlText(e.left)} ${e.op} ${ksqlText(e.right)})`;
    case 'Concat':
      return `(${ksqlText(e.left)} || ${ksqlText(e.right)})`;
    case 'FunctionCall':
      return e.star ? `${e.name.name}(*)` : `${e.name.name}(${e.args.map(ksqlText).join(', ')})`;
    case 'BooleanLiteral':
      return e.value ? 'true' : 'false';
    case 'NullLiteral':
      return 'null';
    case 'ArrayConstructor':
      return `ARRAY[${e.elements.map(ksqlText).join(', ')}]`;
    case 'MapConstructor':
      return `MAP(${e.entries.map((x) => `${ksqlText(x.key)}:=${ksqlText(x.value)}`).join(', ')})`;
    case 'StructConstructor':
      return `STRUCT(${e.fields.map((f) => `${f.name.name}:=${ksqlText(f.value)}`).join(', ')})`;
    default:
      return formatExpression(e);
  }
}

/** ksqlDB's names of the comparison operators, as its messages print them. */
export const COMPARISON_NAMES: Readonly<Record<ComparisonOp, string>> = {
  '=': 'EQUAL',
  '<>': 'NOT_EQUAL',
  '<': 'LESS_THAN',
  '<=': 'LESS_THAN_OR_EQUAL',
  '>': 'GREATER_THAN',
  '>=': 'GREATER_THAN_OR_EQUAL',
};
