import { bindError } from '../../bind/bind-error';
import { explainPlan } from '../../plan/explain';
import { planQuery } from '../../plan/query-planner';
import { parseStatement } from '../../sql';
import type { ExplainStmt, SelectStmt } from '../../sql/ast';
import type { KsqlEntity } from '../entities';
import type { Prepared, StatementContext } from '../statement-context';

/** EXPLAIN <statement> | EXPLAIN <queryId>: the plan as text (ksqlDB's `queryDescription`). */
export function prepareExplain(stmt: ExplainStmt, ctx: StatementContext): Prepared {
  let select: SelectStmt | undefined;
  let id = 'N/A';
  let sql = stmt.statement?.text ?? '';
  let sinks: string[] = [];
  if (stmt.queryId) {
    const q = ctx.catalog.query(stmt.queryId.name.toUpperCase()) ?? ctx.catalog.query(stmt.queryId.name);
    if (!q)
      throw bindError(
        `Query with id:${stmt.queryId.text} does not exist, use SHOW QUERIES to view the full set of running queries.`,
        stmt.queryId.span,
      );
    const parsed = parseStatement(q.sql).statement;
    select =
      parsed && (parsed.kind === 'CreateAsSelectStmt' || parsed.kind === 'InsertIntoSelectStmt')
        ? parsed.query
        : undefined;
    id = q.id;
    sql = q.sql;
    sinks = [q.sink];
  } else if (stmt.statement) {
    const s = stmt.statement;
    select =
      s.kind === 'SelectStmt'
        ? s
        : s.kind === 'CreateAsSelectStmt' || s.kind === 'InsertIntoSelectStmt'
          ? s.query
          : undefined;
  }
  if (!select) throw bindError('EXPLAIN is only supported for queries', stmt.span);
  const plan = planQuery(select, { catalog: ctx.catalog, types: ctx.types, persistent: false });
  return {
    kind: 'local',
    run: async (): Promise<KsqlEntity> => ({
      '@type': 'queryDescription',
      statementText: stmt.text,
      warnings: [],
      queryDescription: {
        id,
        statementText: sql,
        windowType: plan.window?.type ?? null,
        fields: plan.columns
          .filter((c) => c.role !== 'pseudo' && !c.hidden)
          .map((c) => ({ name: c.name, schema: { type: c.type.kind } })),
        sources: plan.sources,
        sinks,
        topology: '',
        executionPlan: explainPlan(plan.root),
        overriddenProperties: ctx.session.properties,
        queryType: id === 'N/A' ? 'PUSH' : 'PERSISTENT',
        state: 'RUNNING',
      },
    }),
  };
}
