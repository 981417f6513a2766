import { assertNever, type Expression } from './ast';

/** The direct sub-expressions of `e`, in source order. */
export function expressionChildren(e: Expression): Expression[] {
  switch (e.kind) {
    case 'NullLiteral':
    case 'BooleanLiteral':
    case 'IntegerLiteral':
    case 'BigIntLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
    case 'StringLiteral':
    case 'ColumnRef':
    case 'LambdaVariable':
    case 'IntervalUnit':
      return [];
    case 'Dereference':
      return [e.base];
    case 'Subscript':
      return [e.base, e.index];
    case 'Unary':
    case 'Not':
      return [e.operand];
    case 'Arithmetic':
    case 'Concat':
    case 'Comparison':
    case 'Logical':
    case 'IsDistinctFrom':
      return [e.left, e.right];
    case 'Between':
      return [e.value, e.low, e.high];
    case 'InList':
      return [e.value, ...e.list];
    case 'Like':
      return e.escape ? [e.value, e.pattern, e.escape] : [e.value, e.pattern];
    case 'IsNull':
      return [e.value];
    case 'SearchedCase':
    case 'SimpleCase': {
      const out: Expression[] = e.kind === 'SimpleCase' ? [e.operand] : [];
      for (const w of e.whens) out.push(w.condition, w.result);
      if (e.else) out.push(e.else);
      return out;
    }
    case 'Cast':
      return [e.value];
    case 'FunctionCall':
      return [...e.args];
    case 'ArrayConstructor':
      return [...e.elements];
    case 'MapConstructor':
      return e.entries.flatMap((x) => [x.key, x.value]);
    case 'StructConstructor':
      return e.fields.map((x) => x.value);
    case 'Lambda':
      return [e.body];
    default:
      return assertNever(e);
  }
}

/**
 * Visits `e` and its sub-expressions depth-first, parents first. Returning `false` from `visit`
 * skips that node's children. Iterative, so tree height never matters.
 */
export function walkExpression(e: Expression, visit: (node: Expression) => boolean | void): void {
  const stack: Expression[] = [e];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (visit(node) === false) continue;
    const kids = expressionChildren(node);
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k !== undefined) stack.push(k);
    }
  }
}
