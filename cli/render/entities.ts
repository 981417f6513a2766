import { TypedKsqlEntitySchema, type TypedKsqlEntity } from '../../lib/contracts/ksql-entities';
import type { KsqlEntityDto } from '../../lib/contracts/rest';
import { renderFunction, renderQueryDescription, renderSourceDescription } from './describe';
import { displayValue } from './json-cells';
import { schemaTypeText } from './schema-type';
import { listTable } from './table';

const SOURCE_COLUMNS = ['Kafka Topic', 'Key Format', 'Value Format', 'Windowed'];

/**
 * One /ksql entity as the ksql CLI prints it in TABULAR mode (a table builder per `@type`).
 * Entities this client does not know are printed as JSON rather than dropped.
 */
export function renderEntity(entity: KsqlEntityDto): string {
  const typed = TypedKsqlEntitySchema.safeParse(entity);
  const text = typed.success ? renderTyped(typed.data) : JSON.stringify(entity, null, 2);
  const warnings = (entity.warnings ?? []).map((w) => `WARNING: ${w.message}`);
  return [...warnings, text].join('\n');
}

function renderTyped(e: TypedKsqlEntity): string {
  switch (e['@type']) {
    case 'currentStatus':
      return listTable(['Message'], [[e.commandStatus.message]]);
    case 'warning_entity':
      return e.message;
    case 'streams':
    case 'tables': {
      const rows = (e['@type'] === 'streams' ? e.streams : e.tables).map((s) => [
        s.name,
        s.topic,
        s.keyFormat,
        s.valueFormat,
        String(s.isWindowed),
      ]);
      return listTable([e['@type'] === 'streams' ? 'Stream Name' : 'Table Name', ...SOURCE_COLUMNS], rows);
    }
    case 'queries':
      return `${listTable(
        ['Query ID', 'Query Type', 'Status', 'Sink Name', 'Sink Kafka Topic', 'Query String'],
        e.queries.map((q) => [
          q.id,
          q.queryType,
          Object.entries(q.statusCount)
            .map(([s, n]) => `${s}:${n}`)
            .join(' ') || q.state,
          q.sinks.join(', '),
          q.sinkKafkaTopics.join(', '),
          q.queryString.replace(/\s+/g, ' '),
        ]),
      )}\nFor detailed information on a Query run: EXPLAIN <Query ID>;`;
    case 'query_descriptions':
      return e.queryDescriptions.map(renderQueryDescription).join('\n\n');
    case 'queryDescription':
      return renderQueryDescription(e.queryDescription);
    case 'sourceDescription':
      return renderSourceDescription(e.sourceDescription);
    case 'source_descriptions':
      return e.sourceDescriptions.map(renderSourceDescription).join('\n\n');
    case 'kafka_topics':
      return listTable(
        ['Kafka Topic', 'Partitions', 'Partition Replicas'],
        e.topics.map((t) => [t.name, String(t.replicaInfo.length), String(t.replicaInfo[0] ?? 0)]),
      );
    case 'kafka_topics_extended':
      return listTable(
        ['Kafka Topic', 'Partitions', 'Partition Replicas', 'Consumers', 'ConsumerGroups'],
        e.topics.map((t) => [
          t.name,
          String(t.replicaInfo.length),
          String(t.replicaInfo[0] ?? 0),
          String(t.consumerCount),
          String(t.consumerGroupCount),
        ]),
      );
    case 'properties':
      return listTable(
        ['Property', 'Scope', 'Value'],
        e.properties.map((p) => [p.name, p.scope, p.value]),
      );
    case 'function_names':
      return listTable(
        ['Function Name', 'Category'],
        e.functions.map((f) => [f.name, f.category]),
      );
    case 'describe_function':
      return renderFunction(e);
    case 'type_list':
      return listTable(
        ['Type Name', 'Schema'],
        Object.entries(e.types).map(([name, schema]) => [name, schemaTypeText(schema)]),
      );
    case 'variables':
      return listTable(
        ['Variable Name', 'Value'],
        e.variables.map((v) => [v.name, v.value]),
      );
    case 'connector_list':
      return listTable(
        ['Connector Name', 'Type', 'Class', 'Status'],
        e.connectors.map((c) => [displayValue(c), '', '', '']),
      );
    case 'terminate_query':
      return listTable(
        ['Message'],
        [[e.wasTerminated ? `Query terminated: ${e.queryId}` : `Query not terminated: ${e.queryId}`]],
      );
  }
}
