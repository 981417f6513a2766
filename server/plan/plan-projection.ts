import { bindError } from '../bind/bind-error';
import { bindExpression, type ExpressionContext } from '../bind/bind-expression';
import type { BoundExpr } from '../bind/bound-expr';
import type { Expression } from '../sql/ast';
import { STRING } from '../types/sql-type';
import type { PlanNode, ProjectNode } from './nodes';
import { NonAggregateColumn, type AggregationResult } from './plan-aggregate';
import { ksqlText } from '../bind/ksql-text';
import { SYSTEM_COLUMN_NAMES, scopeOf, type PlanColumn } from './plan-schema';
import { type PlannerContext } from './planner-context';
import { type SelectEntry } from './select-items';
import { checkKeyProjectedOnce, missingKeyMessage } from './projection-rules';

/** Plans a SELECT (push, pull, or the body of a persistent query). Pure: no I/O. */
export interface ProjectionResult {
  readonly node: ProjectNode;
}

/**
 * The final projection. For persistent queries the output is laid out as the sink stores it (key
 * columns first, in key order) and ksqlDB's rule applies: the projection must include the key.
 */
export function planProjection(
  entries: readonly SelectEntry[],
  input: PlanNode,
  relations: readonly string[],
  ctx: PlannerContext,
  substitute: ExpressionContext['substitute'],
  aggregation: AggregationResult | undefined,
  partitionKeys: readonly Expression[] | undefined,
  joined: boolean,
): ProjectionResult {
  const scope = scopeOf(input.columns, relations, 'SELECT');
  const nonAggregate: string[] = [];
  const bound = entries.map((entry): BoundExpr => {
    if (entry.inputIndex !== undefined) {
      const c = input.columns[entry.inputIndex]!;
      if (aggregation && c.role !== 'key') nonAggregate.push(c.name);
      return { kind: 'Column', index: entry.inputIndex, name: c.name, type: c.type };
    }
    try {
      return bindExpression(entry.expression!, { scope, types: ctx.types, substitute });
    } catch (error) {
      if (!(error instanceof NonAggregateColumn)) throw error;
      nonAggregate.push(ksqlText(entry.expression!));
      return { kind: 'Literal', value: null, type: null };
    }
  });
  if (nonAggregate.length > 0) {
    throw bindError(
      `Non-aggregate SELECT expression(s) not part of GROUP BY: ${nonAggregate.join(', ')}\nEither add the column(s) to the GROUP BY or remove them from the SELECT.`,
    );
  }
  // Which input key column (or window bound) each SELECT item projects, if any.
  const keySlots = input.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.role === 'key' || c.role === 'window');
  const itemKeySlot = bound.map((b) =>
    b.kind === 'Column' ? keySlots.findIndex((k) => k.i === b.index) : -1,
  );

  const keyed = input.columns.some((c) => c.role === 'key');
  if (!ctx.persistent) {
    const columns = entries.map((entry, i): PlanColumn => {
      const slot = itemKeySlot[i]!;
      const role = slot >= 0 ? keySlots[slot]!.c.role : 'value';
      return { name: entry.name, type: bound[i]!.type ?? STRING, role, qualifiers: [] };
    });
    // A table's rows are identified by their key even when the SELECT leaves it out: carry the
    // unprojected key columns along, hidden, so a pull query keeps one row per key.
    const exprs = [...bound];
    if (input.semantics === 'table') {
      keySlots.forEach(({ c, i }, slot) => {
        if (itemKeySlot.includes(slot)) return;
        exprs.push({ kind: 'Column', index: i, name: c.name, type: c.type });
        columns.push({ name: c.name, type: c.type, role: c.role, qualifiers: [], hidden: true });
      });
    }
    return { node: { node: 'Project', input, exprs, columns, semantics: input.semantics } };
  }

  const untyped = entries.findIndex((_, i) => bound[i]!.type === null);
  if (untyped >= 0) {
    throw bindError(
      "Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).",
      entries[untyped]!.span,
    );
  }
  // Persistent: every key column must be projected (window bounds live in the record key).
  const keyColumns = keySlots.filter(({ c }) => c.role === 'key');
  const missing = keyColumns.filter((k) => !bound.some((b) => b.kind === 'Column' && b.index === k.i));
  if (keyed && missing.length > 0) {
    const sink = ctx.sinkName ?? 'OUTPUT';
    if (joined)
      throw bindError(
        joinKeyMessage(
          sink,
          missing.map((m) => m.c.name),
        ),
      );
    throw bindError(
      missingKeyMessage(
        sink,
        aggregation
          ? { groupExpressions: missing.map((m) => aggregation.groupExpressions[keyColumns.indexOf(m)]!) }
          : { keyColumns: keyColumns.map((k) => k.c.name) },
      ),
    );
  }
  if (!joined) {
    for (const k of keyColumns) {
      const aliases = entries.filter((_, i) => keySlots[itemKeySlot[i]!] === k).map((e) => e.name);
      checkKeyProjectedOnce(k.c.name, aliases, aggregation !== undefined);
    }
  }
  const keyOut: { name: string; expr: BoundExpr; slot: number }[] = [];
  const valueOut: { name: string; expr: BoundExpr }[] = [];
  entries.forEach((entry, i) => {
    // System columns only reach a sink's value under another name.
    // `*` on a windowed source: the window bounds stay in the key, not in the value.
    if (entry.inputIndex !== undefined && input.columns[entry.inputIndex]?.role === 'window') return;
    if (!entry.aliased && SYSTEM_COLUMN_NAMES.includes(entry.name)) {
      throw bindError(
        `Reserved column name in select: \`${entry.name}\`. Please remove or alias the column.`,
        entry.span,
      );
    }
    const slot = itemKeySlot[i]!;
    const isKey = slot >= 0 && keySlots[slot]!.c.role === 'key' && !keyOut.some((k) => k.slot === slot);
    if (isKey) keyOut.push({ name: entry.name, expr: bound[i]!, slot });
    else valueOut.push({ name: entry.name, expr: bound[i]! });
  });
  keyOut.sort((a, b) => a.slot - b.slot);
  if (valueOut.length === 0) throw bindError('The projection contains no value columns.');
  const windowCols = input.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.role === 'window');
  const columns: PlanColumn[] = [
    ...keyOut.map((k): PlanColumn => ({
      name: k.name,
      type: k.expr.type ?? STRING,
      role: 'key',
      qualifiers: [],
    })),
    ...windowCols.map(({ c }): PlanColumn => ({ ...c, qualifiers: [] })),
    ...valueOut.map((v): PlanColumn => ({
      name: v.name,
      type: v.expr.type ?? STRING,
      role: 'value',
      qualifiers: [],
    })),
  ];
  const exprs: BoundExpr[] = [
    ...keyOut.map((k) => k.expr),
    ...windowCols.map(({ c, i }): BoundExpr => ({ kind: 'Column', index: i, name: c.name, type: c.type })),
    ...valueOut.map((v) => v.expr),
  ];
  return { node: { node: 'Project', input, exprs, columns, semantics: input.semantics } };
}

function joinKeyMessage(sink: string, names: readonly string[]): string {
  const list =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  return `The query used to build \`${sink}\` must include the join expression ${list} in its projection (eg, SELECT ${names[0]}...).`;
}
