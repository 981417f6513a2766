import { describe, expect, it } from 'vitest';
import { inferTopics } from './infer-topics';

describe('inferTopics', () => {
  it('names the topics of CREATE STREAM/TABLE with their PARTITIONS, else one', () => {
    expect(
      inferTopics(
        "CREATE STREAM S (v INT) WITH (kafka_topic='a', format='JSON', partitions=3); " +
          "CREATE TABLE T (k INT PRIMARY KEY, v INT) WITH (KAFKA_TOPIC='b', format='JSON');",
      ),
    ).toEqual([
      { name: 'a', partitions: 3 },
      { name: 'b', partitions: 1 },
    ]);
  });

  it('ignores queries and sinks: the engine creates those topics', () => {
    expect(inferTopics("CREATE STREAM O WITH (kafka_topic='o') AS SELECT * FROM S;")).toEqual([]);
  });
});
