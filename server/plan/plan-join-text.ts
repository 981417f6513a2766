import { formatExpression } from '../sql';
import type { Expression, JoinType } from '../sql/ast';

/**
 * How ksqlDB writes join conditions and join types in its messages; users compare these texts
 * with ksqlDB's documentation and forums, so they follow ksqlDB's formatter.
 */

/** `a = b AND c = d` as ksqlDB prints it: every comparison, AND/OR and arithmetic in parentheses. */
export function conditionText(e: Expression): string {
  if (e.kind === 'Comparison' || e.kind === 'Logical' || e.kind === 'Arithmetic') {
    return `(${conditionText(e.left)} ${e.op} ${conditionText(e.right)})`;
  }
  if (e.kind === 'NullLiteral') return 'null';
  return formatExpression(e);
}

/** `[INNER] JOIN`, `LEFT [OUTER] JOIN`, … as in "Got T2 [INNER] JOIN S1." */
export function joinTypeText(t: JoinType): string {
  switch (t) {
    case 'INNER':
      return '[INNER] JOIN';
    case 'LEFT':
      return 'LEFT [OUTER] JOIN';
    case 'RIGHT':
      return 'RIGHT [OUTER] JOIN';
    case 'FULL':
      return '[FULL] OUTER JOIN';
  }
}

/** `A`, `A or B`, `A, B or C`. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}

/**
 * The expression with every column reference qualified (`ID` → `LEFT_TABLE.ID`), as ksqlDB's
 * messages show them. `qualifierOf` returns the relation a column reference belongs to.
 */
export function qualifiedText(
  e: Expression,
  qualifierOf: (ref: ColumnRefLike) => string | undefined,
): string {
  return conditionText(qualify(e, qualifierOf));
}

export interface ColumnRefLike {
  readonly source?: { readonly name: string };
  readonly name: { readonly name: string };
}

/** The expression with its column references qualified where `qualifierOf` knows the relation. */
export function qualify(e: Expression, qualifierOf: (ref: ColumnRefLike) => string | undefined): Expression {
  return mapTree(e, qualifierOf) as Expression;
}

/** The AST is plain immutable data: rebuild it with column references qualified. */
function mapTree(node: unknown, qualifierOf: (ref: ColumnRefLike) => string | undefined): unknown {
  if (Array.isArray(node)) return node.map((n) => mapTree(n, qualifierOf));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (obj['kind'] === 'ColumnRef') {
    const ref = obj as unknown as ColumnRefLike & { readonly name: { readonly span: unknown } };
    const q = qualifierOf(ref);
    if (q === undefined) return node;
    return { ...obj, source: { kind: 'Identifier', name: q, text: q, span: ref.name.span } };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = k === 'span' ? v : mapTree(v, qualifierOf);
  return out;
}
