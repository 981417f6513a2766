import { formatIdentifier, formatSqlType, formatString } from '../sql';
import type { DataSource, PersistentQuery } from '../types/data-source';
import type { Column } from '../types/logical-schema';
import type { CatalogView } from './catalog';

export interface ExportOptions {
  /** Partition count of a topic when known, written as PARTITIONS so an import can create it. */
  readonly partitions?: (topic: string) => number | undefined;
  /** First comment line (service id, time, offset…). */
  readonly header?: string;
}

/**
 * The whole catalog as a SQL script that rebuilds it (backup, migration, the repair path of a
 * damaged command topic): custom types, then sources in dependency order — plain sources as
 * CREATE statements generated from their current schema (so ALTERs are included), sources made by
 * a running CREATE … AS SELECT as that statement, with the session properties it ran with — then
 * INSERT INTO queries. A CSAS/CTAS sink whose query was terminated is exported as a plain CREATE.
 * Query ids are not kept: the importing cluster numbers them from its own log.
 */
export function exportCatalog(catalog: CatalogView, options: ExportOptions = {}): string {
  const out: string[] = [];
  if (options.header) out.push(`-- ${options.header}`);
  for (const [name, type] of [...catalog.types()].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`CREATE TYPE ${formatIdentifier(name)} AS ${formatSqlType(type)};`);
  }
  for (const source of sourcesInDependencyOrder(catalog)) {
    const query = source.createdBy !== undefined ? catalog.query(source.createdBy) : undefined;
    out.push(...(query ? withProperties(query, statement(query.sql)) : [createStatement(source, options)]));
  }
  const inserts = catalog
    .queries()
    .filter((q) => q.kind === 'INSERT')
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  for (const q of inserts) out.push(...withProperties(q, statement(q.sql)));
  const paused = catalog.queries().filter((q) => q.state === 'PAUSED');
  if (paused.length > 0) {
    out.push(
      `-- Paused when exported (pause them again after the import): ${paused.map((q) => q.id).join(', ')}`,
    );
  }
  return `${out.join('\n\n')}\n`;
}

/** Sources ordered so each CREATE … AS SELECT comes after what it reads; ties by name. */
export function sourcesInDependencyOrder(catalog: CatalogView): DataSource[] {
  const deps = new Map<string, string[]>();
  for (const s of catalog.sources()) {
    const q = s.createdBy !== undefined ? catalog.query(s.createdBy) : undefined;
    deps.set(
      s.name,
      (q?.sources ?? []).filter((d) => d !== s.name && catalog.source(d) !== undefined),
    );
  }
  const done = new Set<string>();
  const ordered: DataSource[] = [];
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (done.has(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const d of [...(deps.get(name) ?? [])].sort()) visit(d);
    visiting.delete(name);
    done.add(name);
    ordered.push(catalog.source(name)!);
  };
  for (const name of [...deps.keys()].sort()) visit(name);
  return ordered;
}

function createStatement(s: DataSource, options: ExportOptions): string {
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
  return `CREATE ${s.isSource ? 'SOURCE ' : ''}${s.kind} ${formatIdentifier(s.name)} (${columns.join(', ')}) WITH (${props
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

/** The stored statement text, terminated. */
function statement(sql: string): string {
  const trimmed = sql.trim();
  return trimmed.endsWith(';') ? trimmed : `${trimmed};`;
}

/** The statement between SET and UNSET of the session properties it ran with. */
function withProperties(q: PersistentQuery, sql: string): string[] {
  const entries = Object.entries(q.properties).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return [sql];
  return [
    [
      ...entries.map(([k, v]) => `SET ${formatString(k)}=${formatString(v)};`),
      sql,
      ...entries.map(([k]) => `UNSET ${formatString(k)};`),
    ].join('\n'),
  ];
}
