import { bindError } from '../../bind/bind-error';
import type { CatalogView } from '../../catalog/catalog';
import type { DataSource } from '../../types/data-source';
import type { QueryPlan } from '../../plan/query-plan';
import type { SourceType } from '../../sql/ast';
import type { Column, LogicalSchema } from '../../types/logical-schema';
import type { Session } from '../session';
import {
  checkFormatSupport,
  resolveFormats,
  withSessionWrapping,
  type ResolvedFormats,
} from './format-rules';
import { checkTimestampColumn } from './timestamp-column';
import type { WithProperties } from './with-properties';

/** The schema a persistent query's sink gets: key columns, then value columns (window bounds live in the key). */
export function sinkSchema(plan: QueryPlan): LogicalSchema {
  const key: Column[] = [];
  const value: Column[] = [];
  for (const c of plan.columns) {
    if (c.role === 'key') key.push({ name: c.name, type: c.type, namespace: 'KEY' });
    else if (c.role === 'value') value.push({ name: c.name, type: c.type, namespace: 'VALUE' });
  }
  return { key, value };
}

/** The catalog entry for the sink of CREATE STREAM/TABLE … AS SELECT. */
export function sinkSource(
  name: string,
  kind: SourceType,
  plan: QueryPlan,
  props: WithProperties,
  session: Session,
  catalog: CatalogView,
  sql: string,
  queryId: string,
): DataSource {
  const first = catalog.source(plan.sources[0] ?? '');
  if (!first) throw bindError('The query reads no source');
  const schema = sinkSchema(plan);
  // A keyless result (PARTITION BY NULL) writes no key, so a key format would mean nothing.
  if (schema.key.length === 0 && props.keyFormat !== undefined && props.keyFormat !== 'NONE') {
    throw bindError('Key format specified for stream without key columns.');
  }
  const keyless = schema.key.length === 0;
  const formats = withSessionWrapping(
    resolveFormats(props, session, inheritedFormats(first, plan, catalog, session, keyless), keyless),
    schema.value,
    session,
  );
  checkFormatSupport(formats, schema.key, schema.value);
  const prefix = session.properties['ksql.output.topic.name.prefix'] ?? '';
  if (props.timestamp) checkTimestampColumn(schema, props.timestamp, props.timestampFormat);
  return {
    name,
    kind,
    schema,
    topic: props.kafkaTopic ?? `${prefix}${name}`,
    ...formats,
    ...(plan.window ? { window: plan.window } : {}),
    ...(props.timestamp
      ? {
          timestamp: {
            column: props.timestamp,
            ...(props.timestampFormat ? { format: props.timestampFormat } : {}),
          },
        }
      : {}),
    isSource: false,
    sql,
    createdBy: queryId,
  };
}

/**
 * The formats a sink inherits: the first (left) source's, except that a keyed result cannot keep
 * a NONE key format — it takes the first source's key format that is not NONE, else DELIMITED
 * for a join of keyless streams and the session's default key format otherwise (ksqlDB's join
 * tests: NONE ⋈ KAFKA gives KAFKA, NONE ⋈ NONE gives DELIMITED).
 */
function inheritedFormats(
  first: DataSource,
  plan: QueryPlan,
  catalog: CatalogView,
  session: Session,
  keyless: boolean,
): ResolvedFormats {
  if (keyless || first.keyFormat.format !== 'NONE') return first;
  const keyed = plan.sources.map((n) => catalog.source(n)).find((s) => s && s.keyFormat.format !== 'NONE');
  const fallback =
    plan.sources.length > 1
      ? 'DELIMITED'
      : (session.properties['ksql.persistence.default.format.key'] ?? 'KAFKA').toUpperCase();
  return {
    ...first,
    keyFormat: keyed?.keyFormat ?? { format: fallback as DataSource['keyFormat']['format'] },
  };
}
