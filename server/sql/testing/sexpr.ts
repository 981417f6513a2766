import { assertNever, type Expression } from '../ast';
import { formatTypeNode } from '../format-type';

/** Test support: a compact prefix rendering of an expression tree, e.g. `(+ 1 (* 2 3))`. */
export function sexpr(e: Expression): string {
  const s = sexpr;
  const list = (head: string, ...parts: string[]): string => `(${[head, ...parts].join(' ')})`;
  switch (e.kind) {
    case 'NullLiteral':
      return 'null';
    case 'BooleanLiteral':
      return String(e.value);
    case 'IntegerLiteral':
      return String(e.value);
    case 'BigIntLiteral':
      return `${e.value}L`;
    case 'DecimalLiteral':
      return `${e.value}BD`;
    case 'DoubleLiteral':
      return `${e.value}D`;
    case 'StringLiteral':
      return `'${e.value}'`;
    case 'ColumnRef':
      return e.source ? `${e.source.name}.${e.name.name}` : e.name.name;
    case 'LambdaVariable':
      return `$${e.name.name}`;
    case 'Dereference':
      return list('->', s(e.base), e.field.name);
    case 'Subscript':
      return list('[]', s(e.base), s(e.index));
    case 'Unary':
      return list(e.op === '-' ? 'neg' : 'pos', s(e.operand));
    case 'Arithmetic':
    case 'Comparison':
      return list(e.op, s(e.left), s(e.right));
    case 'Concat':
      return list('||', s(e.left), s(e.right));
    case 'Logical':
      return list(e.op.toLowerCase(), s(e.left), s(e.right));
    case 'Not':
      return list('not', s(e.operand));
    case 'Between':
      return list(e.negated ? 'not-between' : 'between', s(e.value), s(e.low), s(e.high));
    case 'InList':
      return list(e.negated ? 'not-in' : 'in', s(e.value), ...e.list.map(s));
    case 'Like':
      return list(
        e.negated ? 'not-like' : 'like',
        s(e.value),
        s(e.pattern),
        ...(e.escape ? [s(e.escape)] : []),
      );
    case 'IsNull':
      return list(e.negated ? 'is-not-null' : 'is-null', s(e.value));
    case 'IsDistinctFrom':
      return list(e.negated ? 'not-distinct' : 'distinct', s(e.left), s(e.right));
    case 'SearchedCase':
    case 'SimpleCase':
      return list(
        'case',
        ...(e.kind === 'SimpleCase' ? [s(e.operand)] : []),
        ...e.whens.map((w) => list('when', s(w.condition), s(w.result))),
        ...(e.else ? [list('else', s(e.else))] : []),
      );
    case 'Cast':
      return list('cast', s(e.value), formatTypeNode(e.type));
    case 'FunctionCall':
      return list(e.name.name, ...(e.star ? ['*'] : e.args.map(s)));
    case 'ArrayConstructor':
      return `[${e.elements.map(s).join(' ')}]`;
    case 'MapConstructor':
      return list('map', ...e.entries.map((x) => `${s(x.key)}:${s(x.value)}`));
    case 'StructConstructor':
      return list('struct', ...e.fields.map((x) => `${x.name.name}:${s(x.value)}`));
    case 'Lambda':
      return list('lambda', `(${e.params.map((x) => x.name).join(' ')})`, s(e.body));
    case 'IntervalUnit':
      return `#${e.unit}`;
    default:
      return assertNever(e);
  }
}
