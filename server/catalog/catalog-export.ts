import { formatIdentifier, formatSqlType, formatString } from '../sql';
import type { DataSource } from '../types/data-source';
import type { Column } from '../types/logical-schema';
import { applyToDraft } from './apply';
import { Catalog, type CatalogDraft } from './catalog';
import type { CommandRecord } from './command-schema';
import { compactForReplay, type LogEntry } from './replay-compactor';

export interface ExportOptions {
  /** Partition count of a topic when known, written as PARTITIONS so an import can create it. */
  readonly partitions?: (topic: string) => number | undefined;
  /** First comment line (service id, time, offset…). */
  readonly header?: string;
}

/**
 * The whole catalog as a SQL script that rebuilds it (backup, migration to another service id or
 * cluster, the repair path of a damaged command topic). It replays the catalog's history, not
 * its final state: the command log compacted (nothing that was later dropped or terminated), one
 * statement per command, in log order — so every CREATE … AS SELECT and INSERT INTO is planned
 * against the sources as they were when it was first run, and an ALTER comes where it happened.
 * Streams, tables and types are written from the commands' resolved definitions (CREATE TYPE,
 * CREATE with full column list and formats, ALTER … ADD COLUMN); queries as the statement text
 * they ran with, between SET and UNSET of their session properties. Query ids are not kept: the
 * importing cluster numbers them from its own log.
 */
export function exportCatalog(entries: readonly LogEntry[], options: ExportOptions = {}): string {
  const compacted = compactForReplay(entries);
  const out: string[] = [];
  if (options.header) out.push(`-- ${options.header}`);
  const draft = Catalog.EMPTY.draft();
  for (const e of compacted) {
    const statement = statementOf(e.record, draft, options);
    if (statement) out.push(statement);
    applyToDraft(draft, e.record.command, e.offset);
  }
  const paused = [...draft.queries.values()].filter((q) => q.state === 'PAUSED');
  if (paused.length > 0) {
    out.push(
      `-- Paused when exported (pause them again after the import): ${paused.map((q) => q.id).join(', ')}`,
    );
  }
  return `${out.join('\n\n')}\n`;
}

function statementOf(
  record: CommandRecord,
  before: CatalogDraft,
  options: ExportOptions,
): string | undefined {
  const c = record.command;
  switch (c.type) {
    case 'createType':
      return `CREATE TYPE ${formatIdentifier(c.name)} AS ${formatSqlType(c.sqlType)};`;
    case 'createSource':
      return createStatement(c.source, c.orReplace, options);
    case 'createAsSelect':
    case 'insertInto':
      return withProperties(record.properties, terminated(record.statement));
    case 'alterSource': {
      const kind = before.sources.get(c.name)?.kind ?? 'STREAM';
      return `ALTER ${kind} ${formatIdentifier(c.name)} ${c.addColumns
        .map((col) => `ADD COLUMN ${formatIdentifier(col.name)} ${formatSqlType(col.type)}`)
        .join(', ')};`;
    }
    case 'dropSource':
    case 'dropType':
    case 'terminate':
    case 'pause':
    case 'resume':
    case 'skip':
      // Compaction leaves none that matter: drops and terminates are gone with what they removed;
      // PAUSE/RESUME name query ids the importing cluster will number differently.
      return undefined;
  }
}

function createStatement(s: DataSource, orReplace: boolean, options: ExportOptions): string {
  const keyword = s.kind === 'TABLE' ? 'PRIMARY KEY' : 'KEY';
  const columns = [...s.schema.key, ...s.schema.value].map((c) => columnDef(c, keyword));
  const props: [string, string][] = [
    ['KAFKA_TOPIC', formatString(s.topic)],
    ['KEY_FORMAT', formatString(s.keyFormat.format)],
    ['VALUE_FORMAT', formatString(s.valueFormat.format)],
  ];
  const partitions = options.partitions?.(s.topic);
  if (partitions !== undefined) props.push(['PARTITIONS', String(partitions)]);
  if (s.keyFormat.delimiter !== undefined) props.push(['KEY_DELIMITER', delimiter(s.keyFormat.delimiter)]);
  if (s.valueFormat.delimiter !== undefined)
    props.push(['VALUE_DELIMITER', delimiter(s.valueFormat.delimiter)]);
  if (s.valueFeatures.wrapSingleValues !== undefined) {
    props.push(['WRAP_SINGLE_VALUE', String(s.valueFeatures.wrapSingleValues)]);
  }
  if (s.timestamp) {
    props.push(['TIMESTAMP', formatString(s.timestamp.column)]);
    if (s.timestamp.format !== undefined) props.push(['TIMESTAMP_FORMAT', formatString(s.timestamp.format)]);
  }
  if (s.window) {
    props.push(['WINDOW_TYPE', formatString(s.window.type)]);
    if (s.window.sizeMs !== undefined)
      props.push(['WINDOW_SIZE', formatString(`${s.window.sizeMs} MILLISECONDS`)]);
  }
  const head = `CREATE ${orReplace ? 'OR REPLACE ' : ''}${s.isSource ? 'SOURCE ' : ''}${s.kind}`;
  return `${head} ${formatIdentifier(s.name)} (${columns.join(', ')}) WITH (${props
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')});`;
}

function columnDef(c: Column, keyword: string): string {
  const base = `${formatIdentifier(c.name)} ${formatSqlType(c.type)}`;
  if (c.namespace === 'KEY') return `${base} ${keyword}`;
  if (c.header)
    return c.header.key !== undefined ? `${base} HEADER(${formatString(c.header.key)})` : `${base} HEADERS`;
  return base;
}

function delimiter(d: string): string {
  return formatString(d === '\t' ? 'TAB' : d === ' ' ? 'SPACE' : d);
}

function terminated(sql: string): string {
  const trimmed = sql.trim();
  return trimmed.endsWith(';') ? trimmed : `${trimmed};`;
}

/** The statement between SET and UNSET of the session properties it ran with. */
function withProperties(properties: Readonly<Record<string, string>>, sql: string): string {
  const entries = Object.entries(properties).sort(([a], [b]) => a.localeCompare(b));
  return [
    ...entries.map(([k, v]) => `SET ${formatString(k)}=${formatString(v)};`),
    sql,
    ...entries.map(([k]) => `UNSET ${formatString(k)};`),
  ].join('\n');
}
