import { bindError } from '../../bind/bind-error';
import type { DataSource } from '../../types/data-source';
import type { CreateSourceStmt } from '../../sql/ast';
import { checkFormatSupport, resolveFormats, withSessionWrapping } from '../ddl/format-rules';
import { schemaFromColumns } from '../ddl/source-schema';
import { checkTimestampColumn } from '../ddl/timestamp-column';
import { parseWithProperties } from '../ddl/with-properties';
import { warningEntity } from '../entities';
import type { Prepared, StatementContext } from '../statement-context';

/** CREATE [OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name (columns) WITH (…) */
export async function prepareCreateSource(stmt: CreateSourceStmt, ctx: StatementContext): Promise<Prepared> {
  const name = stmt.name.name;
  const kindWord = stmt.sourceType === 'TABLE' ? 'table' : 'stream';
  const existing = ctx.catalog.source(name);
  if (stmt.orReplace && (stmt.isSource || existing?.isSource)) {
    throw bindError(
      `Cannot add ${kindWord} '${name}': CREATE OR REPLACE is not supported on source ${kindWord}s.`,
      stmt.name.span,
    );
  }
  if (existing) {
    if (stmt.ifNotExists) {
      return {
        kind: 'command',
        command: { type: 'createSource', source: existing, orReplace: true },
        skip: warningEntity(
          stmt.text,
          `Cannot add ${kindWord} ${name}: A ${existing.kind === 'TABLE' ? 'table' : 'stream'} with the same name already exists.`,
        ),
      };
    }
    if (!stmt.orReplace) {
      throw bindError(
        `Cannot add ${kindWord} '${name}': A ${existing.kind === 'TABLE' ? 'table' : 'stream'} with the same name already exists`,
        stmt.name.span,
      );
    }
    if (existing.kind !== stmt.sourceType) {
      throw bindError(
        `Incompatible data source type is ${existing.kind}, but statement was ${stmt.sourceType}`,
        stmt.name.span,
      );
    }
  }
  const props = parseWithProperties(stmt.properties);
  const valueFormat = props.format ?? props.valueFormat;
  const fullName = props.schemaRegistry.find((n) => n.startsWith('VALUE_') && n.endsWith('SCHEMA_FULL_NAME'));
  if (fullName && valueFormat && !['AVRO', 'PROTOBUF', 'PROTOBUF_NOSR', 'JSON_SR'].includes(valueFormat)) {
    // What ksqlDB says: the format, not the missing registry, is the problem.
    throw bindError(`${valueFormat} does not support the following configs: [fullSchemaName]`, stmt.span);
  }
  if (props.schemaRegistry.length > 0) {
    throw bindError(`${props.schemaRegistry[0]} needs a Schema Registry, which Kappa does not support yet.`);
  }
  if (!props.kafkaTopic) {
    throw bindError('Missing required property "KAFKA_TOPIC" which has no default value.', stmt.span);
  }
  if (stmt.elements.length === 0) {
    throw bindError(
      `The statement does not define any columns. Kappa needs a column list (schema inference needs a Schema Registry).`,
      stmt.span,
    );
  }
  const schema = schemaFromColumns(stmt.sourceType, stmt.elements, ctx.types);
  const formats = withSessionWrapping(
    resolveFormats(props, ctx.session, undefined, false),
    schema.value,
    ctx.session,
  );
  checkFormatSupport(formats, schema.key, schema.value);
  if (props.windowType && schema.key.length === 0) throw bindError('Windowed sources require a key column.');
  const timestamp = props.timestamp
    ? checkTimestampColumn(schema, props.timestamp, props.timestampFormat)
    : undefined;
  if (existing && stmt.orReplace) checkCompatibleReplace(existing, schema, name);

  const source: DataSource = {
    name,
    kind: stmt.sourceType,
    schema,
    topic: props.kafkaTopic,
    ...formats,
    ...(props.windowType
      ? {
          window: {
            type: props.windowType,
            ...(props.windowSizeMs !== undefined ? { sizeMs: props.windowSizeMs } : {}),
          },
        }
      : {}),
    ...(timestamp ? { timestamp } : {}),
    isSource: stmt.isSource,
    sql: stmt.text,
  };
  if (props.windowType && props.windowType !== 'SESSION' && props.windowSizeMs === undefined) {
    throw bindError(`WINDOW_SIZE is required for ${props.windowType} windows`);
  }

  const topic = props.kafkaTopic;
  const partitions = await ctx.services.topics.partitions(topic);
  if (partitions === undefined && props.partitions === undefined) {
    throw bindError(
      `Topic '${topic}' does not exist. If you want to create a new topic for the ${kindWord} please re-run the statement providing the required 'PARTITIONS' configuration in the WITH clause (and optionally 'REPLICAS'). For example: CREATE ${stmt.sourceType} ${name} (ID INT PRIMARY KEY, NAME STRING) WITH (KAFKA_TOPIC='${topic}', PARTITIONS=2, REPLICAS=1, FORMAT='JSON');`,
    );
  }
  if (partitions !== undefined && props.partitions !== undefined && partitions !== props.partitions) {
    throw bindError(
      `A Kafka topic with the name '${topic}' already exists, with different partition/replica configuration than required. KSQL expects ${props.partitions} partitions (topic has ${partitions}).`,
    );
  }
  return {
    kind: 'command',
    command: { type: 'createSource', source, orReplace: existing !== undefined },
    ...(partitions === undefined && !ctx.sandbox
      ? {
          beforeAppend: () =>
            ctx.services.topics.create({
              name: topic,
              partitions: props.partitions ?? 1,
              ...(props.replicas !== undefined ? { replicas: props.replicas } : {}),
              ...(stmt.sourceType === 'TABLE' ? { configs: { 'cleanup.policy': 'compact' } } : {}),
            }),
        }
      : {}),
  };
}

/** CREATE OR REPLACE may only append columns (what ksqlDB allows in practice). */
function checkCompatibleReplace(existing: DataSource, schema: DataSource['schema'], name: string): void {
  const same = (a: readonly { name: string }[], b: readonly { name: string }[]): boolean =>
    a.length <= b.length && a.every((c, i) => c.name === b[i]?.name);
  if (
    existing.schema.key.length !== schema.key.length ||
    !same(existing.schema.key, schema.key) ||
    !same(existing.schema.value, schema.value)
  ) {
    throw bindError(
      `Cannot upgrade data source: ${name}. Only appending value columns is supported by CREATE OR REPLACE.`,
    );
  }
}
