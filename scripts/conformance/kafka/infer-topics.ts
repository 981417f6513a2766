import { literalAsPropertyValue } from '../../../server/bind/literals';
import { parseScript } from '../../../server/sql';

export interface InferredTopic {
  readonly name: string;
  readonly partitions: number;
}

/**
 * The topics a CREATE STREAM/TABLE names, with its PARTITIONS or one: ksqlDB's test runner creates
 * them before running the statement, and so does the deterministic driver (`inferTopics` in
 * server/testing/test-driver.ts, whose rule this repeats), so a case may declare a source over a
 * topic it never lists in `topics`. A statement that does not parse names nothing: running it
 * reports the error.
 */
export function inferTopics(statement: string): InferredTopic[] {
  const out: InferredTopic[] = [];
  for (const stmt of parseScript(statement).statements) {
    if (stmt.kind !== 'CreateSourceStmt') continue;
    const topic = stmt.properties.find((p) => p.name === 'KAFKA_TOPIC');
    if (!topic) continue;
    const partitions = stmt.properties.find((p) => p.name === 'PARTITIONS');
    out.push({
      name: String(literalAsPropertyValue(topic.value)),
      partitions: partitions ? Number(literalAsPropertyValue(partitions.value)) : 1,
    });
  }
  return out;
}
