import { bindError } from '../../bind/bind-error';
import type { DropSourceStmt } from '../../sql/ast';
import { blockingQueries, cascadeFrom } from '../ddl/drop-cascade';
import { warningEntity } from '../entities';
import type { Prepared, StatementContext } from '../statement-context';

/**
 * DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC] [CASCADE]. The query that created the source
 * goes with it; any other query that reads or writes it blocks a plain DROP (the error lists
 * them). With CASCADE (beyond ksqlDB) those queries are terminated and the sources they created
 * are dropped too, transitively; the command records exactly what goes, decided here, so every
 * engine applies the same removal.
 */
export function prepareDropSource(stmt: DropSourceStmt, ctx: StatementContext): Prepared {
  const name = stmt.name.name;
  const source = ctx.catalog.source(name);
  if (!source) {
    const missing = `${stmt.sourceType === 'TABLE' ? 'Table' : 'Stream'} ${name} does not exist.`;
    if (stmt.ifExists) return { kind: 'local', run: async () => warningEntity(stmt.text, missing) };
    throw bindError(missing, stmt.name.span);
  }
  if (source.kind !== stmt.sourceType) {
    throw bindError(
      `Incompatible data source type is ${source.kind}, but statement was DROP ${stmt.sourceType}`,
      stmt.name.span,
    );
  }
  const cascade = stmt.cascade ? cascadeFrom(ctx.catalog, name) : undefined;
  if (!cascade) {
    const { readers, writers } = blockingQueries(ctx.catalog, name);
    if (readers.length + writers.length > 0) {
      throw bindError(
        `Cannot drop ${name}.\nThe following queries read from this source: [${readers.join(', ')}].\nThe following queries write into this source: [${writers.join(', ')}].\nYou need to terminate them before dropping ${name}, or use DROP ${stmt.sourceType} ${name} CASCADE to terminate them and drop the sources they create.`,
        stmt.name.span,
      );
    }
  }
  const dropped = [source, ...(cascade?.sources ?? []).map((n) => ctx.catalog.source(n)!)];
  const readOnly = dropped.find((s) => s.isSource);
  if (stmt.deleteTopic && readOnly) {
    throw bindError(`Cannot delete topic for read-only source: ${readOnly.name}`, stmt.span);
  }
  const topics = [...new Set(dropped.map((s) => s.topic))];
  return {
    kind: 'command',
    command: {
      type: 'dropSource',
      name,
      deleteTopic: stmt.deleteTopic,
      ...(cascade ? { cascade: { queries: [...cascade.queries], sources: [...cascade.sources] } } : {}),
    },
    ...(stmt.deleteTopic && !ctx.sandbox ? { afterApply: () => ctx.services.topics.delete(topics) } : {}),
  };
}
