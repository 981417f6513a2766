/**
 * The shape of a QTT file (ksqlDB's `TestCaseNode`, `RecordNode`, `TopicNode`, `PostConditionsNode`),
 * validated with zod after `readJson`. Record keys and values stay exact-number JSON trees; other
 * numbers (timestamps, partitions) become plain numbers. Unknown fields (comments, issue links,
 * `versions`) are ignored, as ksqlDB ignores them.
 */
import { z } from 'zod';
import { JsonNumber, type Json } from './qtt-json';

const json = z.custom<Json>(() => true);
const int = z.instanceof(JsonNumber).transform((n, ctx) => {
  const v = Number(n.text);
  if (!Number.isSafeInteger(v))
    ctx.addIssue({ code: 'custom', message: `expected an integer, got ${n.text}` });
  return v;
});
/** Property values may be written as strings, numbers or booleans; the driver takes strings. */
const propertyValue = z.union([
  z.string(),
  z.boolean().transform(String),
  z.instanceof(JsonNumber).transform((n) => n.text),
]);

const header = z.object({ KEY: z.string(), VALUE: z.string().nullable().optional() });

const window = z.object({ start: int, end: int, type: z.string() });

export const recordSchema = z.object({
  topic: z.string(),
  key: json.optional(),
  value: json.optional(),
  timestamp: int.nullable().optional(),
  partition: int.optional(),
  window: window.optional(),
  headers: z.array(header).optional(),
});

/** A topic entry: only needed for Schema Registry schemas or partition counts. */
export const topicSchema = z.looseObject({
  name: z.string(),
  format: z.string().optional(),
  keyFormat: z.string().optional(),
  valueFormat: z.string().optional(),
  partitions: int.optional(),
  keySchema: json.optional(),
  valueSchema: json.optional(),
});

const formatNode = z.looseObject({
  format: z.string(),
  windowType: z.string().optional(),
  windowSize: int.optional(),
  features: z.array(z.string()).optional(),
});

export const postSourceSchema = z.object({
  name: z.string(),
  type: z.string(),
  schema: z.string().optional(),
  keyFormat: formatNode.optional(),
  valueFormat: z.union([z.string(), formatNode.transform((f) => f.format)]).optional(),
  keyFeatures: z.array(z.string()).optional(),
  valueFeatures: z.array(z.string()).optional(),
  isSource: z.boolean().optional(),
});

export const postTopicSchema = z.looseObject({
  name: z.string(),
  keyFormat: formatNode.optional(),
  valueFormat: formatNode.optional(),
  partitions: int.optional(),
  keySchema: json.optional(),
  valueSchema: json.optional(),
});

export const caseSchema = z.object({
  name: z.string(),
  statements: z.array(z.string()),
  format: z.array(z.string()).optional(),
  config: z.array(z.string()).optional(),
  properties: z.record(z.string(), propertyValue).optional(),
  topics: z.array(topicSchema).optional(),
  inputs: z.array(recordSchema).optional(),
  outputs: z.array(recordSchema).optional(),
  expectedException: z
    .object({
      type: z.string().optional(),
      message: z.string().optional(),
      causeMessage: z.string().optional(),
    })
    .optional(),
  post: z
    .object({
      sources: z.array(postSourceSchema).optional(),
      topics: z
        .object({ blacklist: z.string().optional(), topics: z.array(postTopicSchema).optional() })
        .optional(),
    })
    .optional(),
  enabled: z.boolean().optional(),
});

export const fileSchema = z.object({ tests: z.array(caseSchema) });

export type QttRecord = z.infer<typeof recordSchema>;
export type QttTopic = z.infer<typeof topicSchema>;
export type QttPostSource = z.infer<typeof postSourceSchema>;
export type QttPostTopic = z.infer<typeof postTopicSchema>;
export type QttCaseNode = z.infer<typeof caseSchema>;
export type QttPost = NonNullable<QttCaseNode['post']>;
