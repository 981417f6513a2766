import type {
  EntityOf,
  FieldInfo,
  QueryDescription,
  SourceDescription,
} from '../../lib/contracts/ksql-entities';
import { keyValues, listTable } from './table';
import { schemaTypeText } from './schema-type';

function fieldRows(fields: readonly FieldInfo[]): string[][] {
  return fields.map((f) => {
    const marker =
      f.type === 'KEY'
        ? '  (key)'
        : f.type === 'HEADER'
          ? `  (header${f.headerKey ? `('${f.headerKey}')` : 's'})`
          : '';
    return [f.name, `${schemaTypeText(f.schema)}${marker}`];
  });
}

/** DESCRIBE <source> [EXTENDED], as the ksql CLI prints it. */
export function renderSourceDescription(d: SourceDescription): string {
  const head = keyValues([
    ['Name', d.name],
    ...(d.extended
      ? ([
          ['Type', d.type],
          ['Timestamp field', d.timestamp || 'Not set - using <ROWTIME>'],
          ['Key format', d.keyFormat],
          ['Value format', d.valueFormat],
          ['Kafka topic', `${d.topic} (partitions: ${d.partitions}, replication: ${d.replication})`],
          ['Statement', d.statement],
        ] as const)
      : []),
  ]);
  const parts = [head, listTable(['Field', 'Type'], fieldRows(d.fields))];
  if (d.extended) {
    const queries = (title: string, list: SourceDescription['readQueries']): string =>
      `${title}\n${'-'.repeat(title.length)}\n${list.map((q) => `${q.id} (${q.state}) : ${q.queryString}`).join('\n') || '(none)'}`;
    parts.push(queries('Queries that read from this ' + d.type, d.readQueries));
    parts.push(queries('Queries that write from this ' + d.type, d.writeQueries));
    if (d.statistics) parts.push(`Local runtime statistics\n------------------------\n${d.statistics}`);
    if (d.errorStats) parts.push(d.errorStats);
  } else {
    parts.push('For runtime statistics and query details run: DESCRIBE <Stream,Table> EXTENDED;');
  }
  return parts.join('\n');
}

/** EXPLAIN <query id> and SHOW QUERIES EXTENDED. */
export function renderQueryDescription(q: QueryDescription): string {
  return [
    keyValues([
      ['ID', q.id],
      ['Query type', q.queryType],
      ...(q.state ? ([['State', q.state]] as const) : []),
      ['SQL', q.statementText],
    ]),
    listTable(['Field', 'Type'], fieldRows(q.fields)),
    `Sources that this query reads from: ${q.sources.join(', ')}`,
    `Sinks that this query writes to: ${q.sinks.join(', ')}`,
    `Execution plan\n--------------\n${q.executionPlan}`,
    ...(q.topology ? [`Processing topology\n-------------------\n${q.topology}`] : []),
  ].join('\n\n');
}

/** DESCRIBE FUNCTION. */
export function renderFunction(f: EntityOf<'describe_function'>): string {
  const variations = f.functions.map((v) =>
    keyValues([
      ['Variation', `${f.name}(${v.arguments.map((a) => `${a.name} ${a.type}`).join(', ')})`],
      ['Returns', v.returnType],
      ['Description', v.description],
    ]),
  );
  return [
    keyValues([
      ['Name', f.name],
      ['Author', f.author],
      ['Overview', f.description],
      ['Type', f.type],
    ]),
    ...variations,
  ].join('\n\n');
}
