import type { Expression } from '../sql/ast';

/** Pre-order walk over an AST expression; `visit` returning false skips the children. */
export function walkExpression(e: Expression, visit: (e: Expression) => boolean | void): void {
  if (visit(e) === false) return;
  const go = (x: Expression | undefined): void => {
    if (x) walkExpression(x, visit);
  };
  switch (e.kind) {
    case 'Dereference':
      return go(e.base);
    case 'Subscript':
      go(e.base);
      return go(e.index);
    case 'Unary':
    case 'Not':
      return go(e.operand);
    case 'Arithmetic':
    case 'Concat':
    case 'Comparison':
    case 'Logical':
    case 'IsDistinctFrom':
      go(e.left);
      return go(e.right);
    case 'Between':
      go(e.value);
      go(e.low);
      return go(e.high);
    case 'InList':
      go(e.value);
      return e.list.forEach(go);
    case 'Like':
      go(e.value);
      return go(e.pattern);
    case 'IsNull':
    case 'Cast':
      return go(e.value);
    case 'SearchedCase':
      e.whens.forEach((w) => {
        go(w.condition);
        go(w.result);
      });
      return go(e.else);
    case 'SimpleCase':
      go(e.operand);
      e.whens.forEach((w) => {
        go(w.condition);
        go(w.result);
      });
      return go(e.else);
    case 'FunctionCall':
      return e.args.forEach(go);
    case 'ArrayConstructor':
      return e.elements.forEach(go);
    case 'MapConstructor':
      return e.entries.forEach((en) => {
        go(en.key);
        go(en.value);
      });
    case 'StructConstructor':
      return e.fields.forEach((f) => go(f.value));
    case 'Lambda':
      return go(e.body);
    default:
      return;
  }
}

export function someExpression(e: Expression, test: (e: Expression) => boolean): boolean {
  let found = false;
  walkExpression(e, (x) => {
    if (found) return false;
    if (test(x)) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}
