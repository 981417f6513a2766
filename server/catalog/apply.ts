import type { Catalog, CatalogDraft } from './catalog';
import type { Command } from './command-schema';

/** Why a command could not be applied. Validation happens before writing, so this means the log
 * holds something this engine cannot accept (another version, a corrupted or conflicting record). */
export class ApplyError extends Error {
  override readonly name = 'ApplyError';
}

/**
 * The catalog after `command`, written at `offset`. Pure: no I/O, no clock; the same log gives the
 * same catalog on every engine.
 */
export function apply(catalog: Catalog, command: Command, offset: number): Catalog {
  const draft = catalog.draft();
  applyToDraft(draft, command, offset);
  return draft.build();
}

export function applyToDraft(draft: CatalogDraft, command: Command, offset: number): void {
  switch (command.type) {
    case 'createSource': {
      const existing = draft.sources.get(command.source.name);
      if (existing && !command.orReplace) throw new ApplyError(`${command.source.name} already exists`);
      draft.sources.set(command.source.name, command.source);
      break;
    }
    case 'createAsSelect': {
      const existing = draft.sources.get(command.source.name);
      if (existing && !command.orReplace) throw new ApplyError(`${command.source.name} already exists`);
      draft.sources.set(command.source.name, command.source);
      draft.queries.set(command.query.id, command.query);
      break;
    }
    case 'insertInto':
      if (!draft.sources.has(command.query.sink))
        throw new ApplyError(`${command.query.sink} does not exist`);
      draft.queries.set(command.query.id, command.query);
      break;
    case 'dropSource': {
      if (!draft.sources.has(command.name)) throw new ApplyError(`${command.name} does not exist`);
      for (const id of command.cascade?.queries ?? []) draft.queries.delete(id);
      for (const name of command.cascade?.sources ?? []) draft.sources.delete(name);
      // The query that created the source goes with it (ksqlDB since 0.15).
      for (const [id, q] of draft.queries) if (q.sink === command.name) draft.queries.delete(id);
      draft.sources.delete(command.name);
      break;
    }
    case 'alterSource': {
      const source = draft.sources.get(command.name);
      if (!source) throw new ApplyError(`${command.name} does not exist`);
      draft.sources.set(command.name, {
        ...source,
        schema: { key: source.schema.key, value: [...source.schema.value, ...command.addColumns] },
      });
      break;
    }
    case 'createType':
      draft.types.set(command.name, command.sqlType);
      break;
    case 'dropType':
      draft.types.delete(command.name);
      break;
    case 'terminate':
      for (const id of command.queryIds) draft.queries.delete(id);
      break;
    case 'pause':
    case 'resume':
      for (const id of command.queryIds) {
        const q = draft.queries.get(id);
        if (q) draft.queries.set(id, { ...q, state: command.type === 'pause' ? 'PAUSED' : 'RUNNING' });
      }
      break;
    case 'skip':
      // Acted on by the reader (records at those offsets are not applied); no catalog change.
      break;
  }
  draft.lastOffset = offset;
}
