import type { Catalog } from '../catalog/catalog';
import type { CommandRecord } from '../catalog/command-schema';
import { formatType } from '../types/sql-type';

/** The commandStatus message of an applied command, as ksqlDB words it where it has one. */
export function successMessage(record: CommandRecord, before: Catalog): string {
  const c = record.command;
  switch (c.type) {
    case 'createSource':
      return `${c.source.kind === 'TABLE' ? 'Table' : 'Stream'} created`;
    case 'createAsSelect':
    case 'insertInto':
      return `Created query with ID ${c.query.id}`;
    case 'dropSource': {
      const topic = before.source(c.name)?.topic;
      const main = `Source \`${c.name}\`${topic !== undefined ? ` (topic: ${topic})` : ''} was dropped.`;
      if (!c.cascade || c.cascade.queries.length + c.cascade.sources.length === 0) return main;
      return `${main} Cascade: terminated queries [${c.cascade.queries.join(', ')}]; dropped sources [${c.cascade.sources.join(', ')}].`;
    }
    case 'alterSource':
      return `${c.name} altered.`;
    case 'createType':
      return `Registered custom type with name '${c.name}' and SQL type ${formatType(c.sqlType)}`;
    case 'dropType':
      return `Dropped type '${c.name}'`;
    case 'terminate':
      return 'Query terminated.';
    case 'pause':
      return 'Query paused.';
    case 'resume':
      return 'Query resumed.';
    case 'skip':
      return `Skipped the commands at offsets ${c.offsets.join(', ')}: ${c.reason}`;
  }
}
