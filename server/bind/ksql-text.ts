import { formatExpression } from '../sql';
import type { Expression } from '../sql/ast';

/**
 * An expression as ksqlDB prints it in error messages: binary operations in parentheses,
 * `(F1 * SUM(F2))`, everything else as the formatter writes it.
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
    default:
      return formatExpression(e);
  }
}
