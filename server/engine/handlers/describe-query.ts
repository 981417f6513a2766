import type { QueryDescription, RunningQuery } from '../../../lib/contracts/ksql-entities';
import { explainPlan } from '../../plan/explain';
import { planQuery } from '../../plan/query-planner';
import { parseStatement } from '../../sql';
import type { PersistentQuery } from '../../types/data-source';
import { fieldInfo } from '../entities';
import type { QueryHandle } from '../queries/query-handle';
import type { StatementContext } from '../statement-context';

/** SHOW QUERIES EXTENDED: ksqlDB's QueryDescription of a persistent or transient query. */
export function describeQuery(q: PersistentQuery | QueryHandle, ctx: StatementContext): QueryDescription {
  if ('columns' in q) {
    return {
      id: q.id,
      statementText: q.sql,
      windowType: q.window?.type ?? null,
      fields: q.columns.map((c) =>
        fieldInfo({ name: c.name, type: c.type, namespace: c.key ? 'KEY' : 'VALUE' }),
      ),
      sources: [],
      sinks: [],
      topology: '',
      executionPlan: '',
      overriddenProperties: {},
      ksqlHostQueryStatus: {},
      queryType: q.kind === 'pull' ? 'PULL' : 'PUSH',
      queryErrors: [],
      state: 'RUNNING',
    };
  }
  const stats = ctx.services.statistics?.query(q.id);
  const sink = ctx.catalog.source(q.sink);
  let executionPlan = '';
  let windowType: string | null = sink?.window?.type ?? null;
  const stmt = parseStatement(q.sql).statement;
  if (stmt && (stmt.kind === 'CreateAsSelectStmt' || stmt.kind === 'InsertIntoSelectStmt')) {
    try {
      const plan = planQuery(stmt.query, {
        catalog: ctx.catalog,
        types: ctx.types,
        persistent: true,
        sinkName: q.sink,
      });
      executionPlan = explainPlan(plan.root);
      windowType = plan.window?.type ?? windowType;
    } catch {
      // A source it reads was changed since (ALTER); the description still lists the rest.
    }
  }
  return {
    id: q.id,
    statementText: q.sql,
    windowType,
    fields: sink ? [...sink.schema.key, ...sink.schema.value].map((c) => fieldInfo(c)) : [],
    sources: [...q.sources],
    sinks: [q.sink],
    topology: '',
    executionPlan,
    overriddenProperties: { ...q.properties },
    ksqlHostQueryStatus: {},
    queryType: 'PERSISTENT',
    queryErrors: stats?.errors.lastError
      ? [
          {
            errorMessage: stats.errors.lastError.message,
            timestamp: stats.errors.lastError.at,
            type: 'UNKNOWN',
          },
        ]
      : [],
    state: stats?.state ?? q.state,
  };
}

/** A transient query in SHOW QUERIES (ksqlDB lists push queries with queryType PUSH). */
export function transientListItem(h: QueryHandle): RunningQuery {
  return {
    queryString: h.sql,
    sinks: [],
    sinkKafkaTopics: [],
    id: h.id,
    statusCount: { RUNNING: 1 },
    queryType: h.kind === 'pull' ? 'PULL' : 'PUSH',
    state: 'RUNNING',
  };
}
