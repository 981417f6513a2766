import type { QttCase } from '../qtt-case';
import type { QttRecord } from '../qtt-schema';

/** The session property that prefixes the topics of sinks declared without KAFKA_TOPIC. */
export const OUTPUT_PREFIX_PROPERTY = 'ksql.output.topic.name.prefix';

/**
 * Gives a case its own topics on a shared broker. QTT topic names are fixed (`test_topic`,
 * `OUTPUT`), so every topic name `t` becomes `<prefix>t`: KAFKA_TOPIC literals in the statements,
 * the `topics`, `inputs` and `outputs` entries, and post-condition topics; sinks without
 * KAFKA_TOPIC get the prefix from `ksql.output.topic.name.prefix` (prepended to the case's own
 * value, which sink-topic-naming.json tests). Persistent queries read from `earliest`, since the
 * inputs may be produced before a query's consumer has joined.
 */
export function namespaceCase(c: QttCase, prefix: string): QttCase {
  const topic = (name: string): string => `${prefix}${name}`;
  const record = (r: QttRecord): QttRecord => ({ ...r, topic: topic(r.topic) });
  const postTopics = c.post?.topics;
  return {
    ...c,
    statements: c.statements.map((s) => prefixKafkaTopics(s, prefix)),
    properties: {
      ...c.properties,
      [OUTPUT_PREFIX_PROPERTY]: `${prefix}${c.properties[OUTPUT_PREFIX_PROPERTY] ?? ''}`,
      'auto.offset.reset': 'earliest',
    },
    topics: c.topics.map((t) => ({ ...t, name: topic(t.name) })),
    inputs: c.inputs.map(record),
    outputs: c.outputs.map(record),
    ...(c.post === undefined
      ? {}
      : {
          post: {
            ...c.post,
            ...(postTopics === undefined
              ? {}
              : {
                  topics: {
                    ...postTopics,
                    ...(postTopics.topics === undefined
                      ? {}
                      : { topics: postTopics.topics.map((t) => ({ ...t, name: topic(t.name) })) }),
                  },
                }),
          },
        }),
  };
}

/**
 * Prefixes the value of every `KAFKA_TOPIC='…'` property. An empty name stays empty: cases use it
 * to test the rejection of an invalid topic name.
 */
export function prefixKafkaTopics(statement: string, prefix: string): string {
  return statement.replace(/\b(KAFKA_TOPIC\s*=\s*)'((?:[^']|'')*)'/gi, (whole, head: string, name: string) =>
    name === '' ? whole : `${head}'${prefix}${name}'`,
  );
}

/** Removes the prefix from text shown to people or matched against expected messages. */
export function withoutPrefix(text: string, prefix: string): string {
  return text.split(prefix).join('');
}
