import { bindError } from '../../bind/bind-error';
import type { DropSourceStmt } from '../../sql/ast';
import { warningEntity } from '../entities';
import type { Prepared, StatementContext } from '../statement-context';

/**
 * DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC]. The query that created the source goes with
 * it; any other query that reads or writes it blocks the drop (Kappa lists them; DROP … CASCADE
 * is the way to remove them too).
 */
export function prepareDropSource(stmt: DropSourceStmt, ctx: StatementContext): Prepared {
  const name = stmt.name.name;
  const source = ctx.catalog.source(name);
  const kindWord = stmt.sourceType === 'TABLE' ? 'table' : 'stream';
  if (!source) {
    if (stmt.ifExists) {
      return { kind: 'local', run: async () => warningEntity(stmt.text, `Source ${name} does not exist.`) };
    }
    throw bindError(`Source ${name} does not exist.`, stmt.name.span);
  }
  if (source.kind !== stmt.sourceType) {
    throw bindError(
      `Incompatible data source type is ${source.kind}, but statement was DROP ${stmt.sourceType}`,
      stmt.name.span,
    );
  }
  const readers = ctx.catalog.readersOf(name).map((q) => q.id);
  const writers = ctx.catalog
    .writersOf(name)
    .filter((q) => q.id !== source.createdBy)
    .map((q) => q.id);
  const blocking = [...readers, ...writers];
  if (blocking.length > 0) {
    throw bindError(
      `Cannot drop ${name}.\nThe following queries read from this source: [${readers.join(', ')}].\nThe following queries write into this source: [${writers.join(', ')}].\nYou need to terminate them before dropping ${name}.`,
      stmt.name.span,
    );
  }
  if (stmt.deleteTopic && source.isSource) {
    throw bindError(`Cannot delete topic for read-only source: ${name}`, stmt.span);
  }
  return {
    kind: 'command',
    command: { type: 'dropSource', name, deleteTopic: stmt.deleteTopic },
    ...(stmt.deleteTopic && !ctx.sandbox
      ? { afterApply: () => ctx.services.topics.delete([source.topic]) }
      : {}),
  };
  void kindWord;
}
