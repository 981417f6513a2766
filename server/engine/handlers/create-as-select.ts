import { bindError } from '../../bind/bind-error';
import { planQuery } from '../../plan/query-planner';
import type { CreateAsSelectStmt, SelectStmt } from '../../sql/ast';
import { sinkSource } from '../ddl/sink-source';
import { parseWithProperties } from '../ddl/with-properties';
import { warningEntity } from '../entities';
import type { Prepared, StatementContext } from '../statement-context';
import { sinkTopicCreation } from './sink-topic';

/** CREATE STREAM|TABLE … AS SELECT: a new sink source plus the persistent query that fills it. */
export async function prepareCreateAsSelect(
  stmt: CreateAsSelectStmt,
  ctx: StatementContext,
): Promise<Prepared> {
  const name = stmt.name.name;
  const existing = ctx.catalog.source(name);
  const kindWord = stmt.sourceType === 'TABLE' ? 'table' : 'stream';
  if (existing && stmt.ifNotExists) {
    return {
      kind: 'command',
      command: { type: 'createSource', source: existing, orReplace: true },
      skip: warningEntity(
        stmt.text,
        `Cannot add ${kindWord} ${name}: A ${existing.kind === 'TABLE' ? 'table' : 'stream'} with the same name already exists.`,
      ),
    };
  }
  if (existing && !stmt.orReplace) {
    throw bindError(
      `Cannot add ${kindWord} '${name}': A ${existing.kind === 'TABLE' ? 'table' : 'stream'} with the same name already exists`,
      stmt.name.span,
    );
  }
  if (stmt.query.emit === 'FINAL' && stmt.sourceType === 'STREAM') {
    throw bindError('EMIT FINAL is only supported for CREATE TABLE … AS SELECT.', stmt.span);
  }
  if (stmt.query.limit !== undefined) {
    // A persistent query never ends, so a row count has nothing to stop.
    throw bindError(`CREATE ${stmt.sourceType} AS SELECT statements don't support LIMIT clause.`, stmt.span);
  }
  const props = parseWithProperties(stmt.properties);
  if (props.timestamp && !mayProduce(stmt.query, props.timestamp)) {
    // Checked before planning, as ksqlDB does, so this error wins over problems in the query.
    throw bindError(
      `The TIMESTAMP column set in the WITH clause does not exist in the schema: '${props.timestamp}'`,
    );
  }
  const plan = planQuery(stmt.query, {
    catalog: ctx.catalog,
    types: ctx.types,
    persistent: true,
    sinkName: name,
  });
  if (plan.semantics === 'table' && stmt.sourceType === 'STREAM') {
    throw bindError(
      'Invalid result type. Your SELECT query produces a TABLE. Please use CREATE TABLE AS SELECT statement instead.',
      stmt.span,
    );
  }
  if (plan.semantics === 'stream' && stmt.sourceType === 'TABLE') {
    throw bindError(
      'Invalid result type. Your SELECT query produces a STREAM. Please use CREATE STREAM AS SELECT statement instead.',
      stmt.span,
    );
  }
  if (plan.sources.includes(name)) {
    throw bindError(
      `Cannot insert into ${name} from itself: the query reads the source it writes.`,
      stmt.span,
    );
  }
  const queryId =
    existing?.createdBy ??
    `${stmt.sourceType === 'TABLE' ? 'CTAS' : 'CSAS'}_${name}_${ctx.catalog.nextQueryNumber}`;
  const source = sinkSource(name, stmt.sourceType, plan, props, ctx.session, ctx.catalog, stmt.text, queryId);
  return {
    kind: 'command',
    command: {
      type: 'createAsSelect',
      source,
      orReplace: existing !== undefined,
      query: {
        id: queryId,
        kind: stmt.sourceType === 'TABLE' ? 'CTAS' : 'CSAS',
        sql: stmt.text,
        sink: name,
        sources: [...plan.sources],
        properties: { ...ctx.session.properties },
        state: 'RUNNING',
      },
    },
    ...(await sinkTopicCreation(source.topic, props, plan.sources, ctx, stmt.sourceType === 'TABLE')),
  };
}

/**
 * Whether a SELECT can have an output column of this name, from its syntax alone: `*`, `s.*`,
 * `x->*` and unaliased expressions (named KSQL_COL_n) might; otherwise only the aliases and the
 * names of referenced columns and fields count.
 */
function mayProduce(query: SelectStmt, column: string): boolean {
  return query.items.some((item) => {
    if (item.kind !== 'SelectExpression') return true;
    if (item.alias) return item.alias.name === column;
    const e = item.expression;
    if (e.kind === 'ColumnRef') return e.name.name === column;
    if (e.kind === 'Dereference') return e.field.name === column;
    return column.startsWith('KSQL_COL_');
  });
}
