import type { Duration, Expression, Join, SelectItem, SelectStmt, WindowExpr } from './ast';
import { assertNever } from './ast';
import { formatExpression, formatUnit, VALUE_SLOT } from './format-expression';
import { formatIdentifier } from './format-identifier';

export interface FormatOptions {
  /** One clause per line (default) or everything on one line. */
  readonly multiline?: boolean;
}

export function formatDuration(d: Duration): string {
  return formatUnit(d.value, d.unit);
}

/** `SELECT ...` with one clause per line unless `multiline` is false. */
export function formatSelect(q: SelectStmt, options: FormatOptions = {}): string {
  const lines: string[] = [`SELECT ${q.items.map(formatSelectItem).join(', ')}`];
  lines.push(`FROM ${formatRelation(q.from.name.name, q.from.alias?.name)}`);
  for (const j of q.joins) lines.push(formatJoin(j));
  if (q.window) lines.push(`WINDOW ${formatWindow(q.window)}`);
  if (q.where) lines.push(`WHERE ${formatExpression(q.where)}`);
  if (q.groupBy) lines.push(`GROUP BY ${formatGrouping(q.groupBy.expressions)}`);
  if (q.partitionBy) lines.push(`PARTITION BY ${formatGrouping(q.partitionBy.expressions)}`);
  if (q.having) lines.push(`HAVING ${formatExpression(q.having)}`);
  if (q.emit) lines.push(`EMIT ${q.emit}`);
  if (q.orderBy) {
    const items = q.orderBy.map(
      (o) => `${formatExpression(o.expression, VALUE_SLOT)}${o.direction === 'DESC' ? ' DESC' : ''}`,
    );
    lines.push(`ORDER BY ${items.join(', ')}`);
  }
  if (q.limit !== undefined) lines.push(`LIMIT ${q.limit}`);
  if (q.offset !== undefined) lines.push(`OFFSET ${q.offset}`);
  return lines.join(options.multiline === false ? ' ' : '\n');
}

function formatSelectItem(item: SelectItem): string {
  switch (item.kind) {
    case 'SelectAllColumns':
      return item.source ? `${formatIdentifier(item.source.name)}.*` : '*';
    case 'SelectStructAll':
      return `${formatExpression(item.base, 9)}->*`;
    case 'SelectExpression': {
      const e = formatExpression(item.expression);
      return item.alias ? `${e} AS ${formatIdentifier(item.alias.name)}` : e;
    }
    default:
      return assertNever(item);
  }
}

function formatRelation(name: string, alias: string | undefined): string {
  return alias === undefined
    ? formatIdentifier(name)
    : `${formatIdentifier(name)} AS ${formatIdentifier(alias)}`;
}

const JOIN_WORDS = {
  INNER: 'INNER JOIN',
  LEFT: 'LEFT JOIN',
  RIGHT: 'RIGHT JOIN',
  FULL: 'FULL OUTER JOIN',
} as const;

function formatJoin(j: Join): string {
  let s = `${JOIN_WORDS[j.joinType]} ${formatRelation(j.right.name.name, j.right.alias?.name)}`;
  if (j.within) {
    const w = j.within;
    s += w.symmetric
      ? ` WITHIN ${formatDuration(w.before)}`
      : ` WITHIN (${formatDuration(w.before)}, ${formatDuration(w.after)})`;
    if (w.grace) s += ` GRACE PERIOD ${formatDuration(w.grace)}`;
  }
  return `${s} ON ${formatExpression(j.on)}`;
}

function formatWindow(w: WindowExpr): string {
  const parts: string[] = [];
  let head: string;
  switch (w.kind) {
    case 'TumblingWindow':
      head = 'TUMBLING';
      parts.push(`SIZE ${formatDuration(w.size)}`);
      break;
    case 'HoppingWindow':
      head = 'HOPPING';
      parts.push(`SIZE ${formatDuration(w.size)}`, `ADVANCE BY ${formatDuration(w.advance)}`);
      break;
    case 'SessionWindow':
      head = 'SESSION';
      parts.push(formatDuration(w.gap));
      break;
    default:
      return assertNever(w);
  }
  if (w.retention) parts.push(`RETENTION ${formatDuration(w.retention)}`);
  if (w.grace) parts.push(`GRACE PERIOD ${formatDuration(w.grace)}`);
  const name = w.name ? `${formatIdentifier(w.name.name, WINDOW_WORDS)} ` : '';
  return `${name}${head} (${parts.join(', ')})`;
}
const WINDOW_WORDS: ReadonlySet<string> = new Set(['SESSION']);

function formatGrouping(exprs: readonly Expression[]): string {
  return exprs.length === 0 ? '()' : exprs.map((e) => formatExpression(e, VALUE_SLOT)).join(', ');
}
