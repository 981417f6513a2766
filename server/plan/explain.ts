import type { BoundExpr } from '../bind/bound-expr';
import type { PlanNode } from './nodes';

/**
 * One line per node, children indented below their parent (CONVENTIONS §5): the text of EXPLAIN
 * and of the planner's golden tests.
 */
export function explainPlan(root: PlanNode): string {
  const lines: string[] = [];
  const walk = (n: PlanNode, depth: number): void => {
    lines.push(
      `${'  '.repeat(depth)}> ${describe(n)}  [${n.columns
        .filter((c) => c.role !== 'pseudo')
        .map((c) => `${c.name}${c.role === 'key' ? ' KEY' : ''}`)
        .join(', ')}]`,
    );
    switch (n.node) {
      case 'Source':
        return;
      case 'Join':
        walk(n.left, depth + 1);
        walk(n.right, depth + 1);
        return;
      default:
        walk(n.input, depth + 1);
    }
  };
  walk(root, 0);
  return lines.join('\n');
}

function describe(n: PlanNode): string {
  switch (n.node) {
    case 'Source':
      return `[ SOURCE ] ${n.source.kind} ${n.source.name}${n.alias !== n.source.name ? ` AS ${n.alias}` : ''} (topic ${n.source.topic}, ${n.source.keyFormat.format}/${n.source.valueFormat.format})`;
    case 'Filter':
      return `[ FILTER ] ${expr(n.predicate)}`;
    case 'Project':
      return `[ PROJECT ] ${n.exprs.map(expr).join(', ')}`;
    case 'FlatMap':
      return `[ FLAT_MAP ] ${n.calls.map((c) => `${c.fn.name}(${c.args.map(expr).join(', ')})`).join(', ')}`;
    case 'Rekey':
      return `[ REKEY ] ${n.keys.length > 0 ? n.keys.map(expr).join(', ') : 'NULL'} (${n.name})`;
    case 'Aggregate':
      return `[ AGGREGATE ] ${n.aggregates.map((a) => a.text).join(', ')}${n.window ? ` WINDOW ${n.window.type} ${n.window.sizeMs} ms` : ''}`;
    case 'Join':
      return `[ JOIN ] ${n.joinType} ${n.shape}${n.within ? ` WITHIN (${n.within.beforeMs} ms, ${n.within.afterMs} ms)` : ''}`;
    case 'Suppress':
      return `[ SUPPRESS ] until window closes (EMIT FINAL)`;
  }
}

function expr(e: BoundExpr): string {
  switch (e.kind) {
    case 'Literal':
      return e.value === null ? 'NULL' : typeof e.value === 'string' ? `'${e.value}'` : String(e.value);
    case 'Column':
      return e.name;
    case 'Call':
      return `${e.fn.name}(${e.args.map(expr).join(', ')})`;
    case 'Arithmetic':
    case 'Compare':
      return `(${expr(e.left)} ${e.op} ${expr(e.right)})`;
    case 'Logical':
      return `(${expr(e.left)} ${e.op} ${expr(e.right)})`;
    case 'Cast':
      return `CAST(${expr(e.value)} AS ${e.type.kind})`;
    case 'Deref':
      return `${expr(e.base)}->${e.field}`;
    default:
      return e.kind.toUpperCase();
  }
}
