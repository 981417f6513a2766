import type { SourceSummary } from '../../lib/contracts/catalog';
import { quoteIdentifier } from '../../lib/client/insert-sql';

/** What the sidebar asks of the workbench. */
export interface CatalogActions {
  openTab(
    sql: string,
    options?: {
      title?: string;
      run?: boolean;
      from?: 'beginning' | 'now';
      savedQueryId?: string;
      properties?: Record<string, string>;
    },
  ): void;
  insertInto(source: SourceSummary): void;
}

export function samplePushQuery(name: string): string {
  return `SELECT * FROM ${quoteIdentifier(name)} EMIT CHANGES;`;
}

export function describeStatement(name: string): string {
  return `DESCRIBE ${quoteIdentifier(name)};`;
}

/** A starting CREATE STREAM for a topic (the user adjusts the columns to the topic's records). */
export function createStreamFromTopic(topic: string): string {
  const name =
    topic
      .toUpperCase()
      .replace(/[^A-Z0-9_]+/g, '_')
      .replace(/^(\d)/, '_$1') || 'MY_STREAM';
  return `CREATE STREAM ${name} (
  ID STRING KEY,
  -- one column per field of the topic's JSON values:
  PAYLOAD STRING
) WITH (KAFKA_TOPIC='${topic.replace(/'/g, "''")}', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON');
`;
}

export const EXAMPLE_STREAM = `CREATE STREAM ORDERS (
  ID BIGINT KEY,
  ITEM STRING,
  AMOUNT DOUBLE,
  REGION STRING
) WITH (KAFKA_TOPIC='orders', PARTITIONS=1, VALUE_FORMAT='JSON');
`;
