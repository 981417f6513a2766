import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { expandCase } from './expand';
import type { QttCaseNode } from './qtt-schema';

const PLAIN = "CREATE STREAM S (ID INT KEY, V STRING) WITH (kafka_topic='t', value_format='JSON');";

function verdicts(extra: Partial<QttCaseNode>): string[] {
  return expandCase('f.json', { name: 'c', statements: [PLAIN], ...extra }, 0).map((c) => {
    const v = classify(c);
    return v.run ? 'run' : v.reason;
  });
}

describe('classify', () => {
  it('runs plain JSON/KAFKA/DELIMITED cases', () => {
    expect(verdicts({})).toEqual(['run']);
  });

  it('skips disabled cases', () => {
    expect(verdicts({ enabled: false })).toEqual(['disabled in the QTT file (enabled: false)']);
  });

  it('skips only the Schema Registry variants of a multi-format case', () => {
    const statements = ["CREATE STREAM S (V INT) WITH (kafka_topic='t', value_format='{FORMAT}');"];
    expect(verdicts({ statements, format: ['AVRO', 'JSON', 'PROTOBUF_NOSR', 'JSON_SR'] })).toEqual([
      'needs a Schema Registry: format variant AVRO',
      'run',
      'needs protobuf (PROTOBUF_NOSR): format variant PROTOBUF_NOSR',
      'needs a Schema Registry: format variant JSON_SR',
    ]);
  });

  it('finds Schema Registry formats in statements, topics, properties and post-conditions', () => {
    expect(verdicts({ statements: [PLAIN.replace("'JSON'", "'protobuf'")] })).toEqual([
      'needs a Schema Registry: statement uses PROTOBUF',
    ]);
    expect(verdicts({ topics: [{ name: 't', valueFormat: 'AVRO' }] })).toEqual([
      "needs a Schema Registry: topic 't' uses AVRO",
    ]);
    expect(verdicts({ topics: [{ name: 't', valueSchema: { type: 'record' } }] })).toEqual([
      "needs a Schema Registry: topic 't' declares a schema",
    ]);
    expect(verdicts({ properties: { 'ksql.persistence.default.format.value': 'AVRO' } })).toEqual([
      'needs a Schema Registry: property ksql.persistence.default.format.value=AVRO',
    ]);
    expect(verdicts({ post: { sources: [{ name: 'S', type: 'stream', valueFormat: 'JSON_SR' }] } })).toEqual([
      "needs a Schema Registry: post-condition on 'S' expects JSON_SR",
    ]);
  });

  it('does not mistake names that merely contain a format name', () => {
    const s =
      "CREATE STREAM AVRO_FANS (ID INT KEY, avro_ok STRING) WITH (kafka_topic='t', value_format='JSON');";
    expect(verdicts({ statements: [s], topics: [{ name: 't', partitions: 1 }] })).toEqual(['run']);
  });

  it("skips cases calling ksqlDB's test-only UDFs", () => {
    expect(verdicts({ statements: [PLAIN, 'CREATE STREAM O AS SELECT ID, test_udf(V) FROM S;'] })).toEqual([
      "out of scope: calls a UDF from ksqlDB's test classpath, not a built-in function",
    ]);
    expect(verdicts({ statements: ['CREATE STREAM O AS SELECT TEST_UDF_LIKE FROM S;'] })).toEqual(['run']);
  });

  it('skips connectors as out of scope', () => {
    expect(verdicts({ statements: ["CREATE SOURCE CONNECTOR c WITH ('a'='b');"] })).toEqual([
      'out of scope: connectors (Kafka Connect)',
    ]);
  });
});
