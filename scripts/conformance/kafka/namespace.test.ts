import { describe, expect, it } from 'vitest';
import { expandCase } from '../expand';
import { namespaceCase, prefixKafkaTopics, withoutPrefix } from './namespace';

describe('prefixKafkaTopics', () => {
  it('prefixes every KAFKA_TOPIC literal, whatever its case and spacing', () => {
    const sql =
      "CREATE STREAM A (x INT) WITH (kafka_topic='test_topic', value_format='JSON'); " +
      "CREATE STREAM B WITH (KAFKA_TOPIC = 'it''s') AS SELECT * FROM A;";
    expect(prefixKafkaTopics(sql, 'p_')).toBe(
      "CREATE STREAM A (x INT) WITH (kafka_topic='p_test_topic', value_format='JSON'); " +
        "CREATE STREAM B WITH (KAFKA_TOPIC = 'p_it''s') AS SELECT * FROM A;",
    );
  });

  it('leaves an empty topic name empty, so its rejection is still tested', () => {
    expect(prefixKafkaTopics("WITH (kafka_topic='')", 'p_')).toBe("WITH (kafka_topic='')");
  });
});

describe('namespaceCase', () => {
  const [c] = expandCase(
    'f.json',
    {
      name: 'n',
      statements: [
        "CREATE STREAM S (v INT) WITH (kafka_topic='in', format='JSON');",
        'CREATE STREAM OUT AS SELECT * FROM S;',
      ],
      properties: { 'ksql.output.topic.name.prefix': 'some-prefix-' },
      topics: [{ name: 'in', partitions: 2 }],
      inputs: [{ topic: 'in', value: null }],
      outputs: [{ topic: 'some-prefix-OUT', value: null }],
      post: { topics: { blacklist: '.*-repartition', topics: [{ name: 'in' }] } },
    },
    0,
  );

  it('moves every topic of the case under the prefix and reads from earliest', () => {
    const n = namespaceCase(c!, 'p_');
    expect(n.statements[0]).toContain("kafka_topic='p_in'");
    expect(n.statements[1]).toBe(c!.statements[1]);
    expect(n.properties).toMatchObject({
      'ksql.output.topic.name.prefix': 'p_some-prefix-',
      'auto.offset.reset': 'earliest',
    });
    expect(n.topics[0]).toMatchObject({ name: 'p_in', partitions: 2 });
    expect(n.inputs[0]?.topic).toBe('p_in');
    expect(n.outputs[0]?.topic).toBe('p_some-prefix-OUT');
    expect(n.post?.topics).toEqual({ blacklist: '.*-repartition', topics: [{ name: 'p_in' }] });
  });

  it('takes the prefix out of texts again', () => {
    expect(withoutPrefix("Topic 'p_in' does not exist (p_in)", 'p_')).toBe("Topic 'in' does not exist (in)");
  });
});
