import { bindError } from '../../bind/bind-error';
import { planQuery } from '../../plan/query-planner';
import type { InsertIntoSelectStmt } from '../../sql/ast';
import { formatSchema } from '../../types/logical-schema';
import { typeEquals } from '../../types/sql-type';
import { sinkSchema } from '../ddl/sink-source';
import { parseWithProperties } from '../ddl/with-properties';
import type { Prepared, StatementContext } from '../statement-context';

const RESERVED_QUERY_PREFIXES = ['CSAS_', 'CTAS_', 'INSERTQUERY_', 'CST_', 'TRANSIENT_'];

/** INSERT INTO target SELECT …: a persistent query writing into an existing stream. */
export function prepareInsertIntoSelect(stmt: InsertIntoSelectStmt, ctx: StatementContext): Prepared {
  const target = ctx.catalog.source(stmt.target.name);
  if (!target) {
    const s = stmt.target.span;
    throw bindError(
      `Line: ${s.startLine}, Col: ${s.startColumn}: Source \`${stmt.target.name}\` does not exist.`,
      s,
    );
  }
  if (target.kind === 'TABLE') {
    throw bindError(
      `INSERT INTO can only be used to insert into a stream. ${target.name} is a table.`,
      stmt.target.span,
    );
  }
  if (stmt.query.limit !== undefined) {
    throw bindError("INSERT INTO statements don't support LIMIT clause.", stmt.span);
  }
  if (target.isSource)
    throw bindError(`Cannot insert into read-only stream: ${target.name}`, stmt.target.span);
  if (target.schema.value.some((c) => c.header)) {
    throw bindError(`Cannot insert into ${target.name} because it has header columns`, stmt.target.span);
  }
  const plan = planQuery(stmt.query, {
    catalog: ctx.catalog,
    types: ctx.types,
    persistent: true,
    sinkName: target.name,
  });
  if (plan.semantics !== 'stream') {
    throw bindError(
      `INSERT INTO can only be used to insert into a stream. The query produces a TABLE.`,
      stmt.span,
    );
  }
  if (plan.sources.includes(target.name)) {
    throw bindError(`Cannot insert into ${target.name} from itself.`, stmt.span);
  }
  const result = sinkSchema(plan);
  const sinkValue = target.schema.value.filter((c) => !c.header);
  const compatible =
    result.key.length === target.schema.key.length &&
    result.value.length === sinkValue.length &&
    result.key.every(
      (c, i) => c.name === target.schema.key[i]?.name && typeEquals(c.type, target.schema.key[i]!.type),
    ) &&
    result.value.every((c, i) => c.name === sinkValue[i]?.name && typeEquals(c.type, sinkValue[i]!.type));
  if (!compatible) {
    throw bindError(
      `Incompatible schema between results and sink.\nResult schema is ${formatSchema(result, 'STREAM')}\nSink schema is ${formatSchema(target.schema, 'STREAM')}`,
      stmt.span,
    );
  }
  const props = parseWithProperties(stmt.properties);
  const id = props.queryId?.toUpperCase() ?? `INSERTQUERY_${ctx.catalog.nextQueryNumber}`;
  if (props.queryId && RESERVED_QUERY_PREFIXES.some((p) => id.startsWith(p))) {
    throw bindError(
      `Query IDs must not start with a reserved query ID prefix (${RESERVED_QUERY_PREFIXES.join(', ')}). Got '${props.queryId}'.`,
    );
  }
  if (ctx.catalog.query(id)) throw bindError(`Query ID '${id}' already exists.`);
  return {
    kind: 'command',
    command: {
      type: 'insertInto',
      query: {
        id,
        kind: 'INSERT',
        sql: stmt.text,
        sink: target.name,
        sources: [...plan.sources],
        properties: { ...ctx.session.properties },
        state: 'RUNNING',
      },
    },
  };
}
