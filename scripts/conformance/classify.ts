import type { QttCase } from './qtt-case';

/**
 * Decides which cases are not run, and says why. Kept short on purpose: a skip hides a difference,
 * so only what cannot run yet is skipped — disabled cases, Schema Registry formats (ksqlDB's own
 * classification, ../reference/ksqldb.md §5.4) and the few features that are out of scope.
 */
export type Classification = { readonly run: true } | { readonly run: false; readonly reason: string };

const SR_FORMAT = /\b(AVRO|PROTOBUF|PROTOBUF_NOSR|JSON_SR)\b/i;

/**
 * What Kappa does not implement by design. Connectors need a Kafka Connect cluster, outside
 * Kappa's scope (ARCHITECTURE.md). Some cases call UDFs that ksqlDB's runner loads from its own
 * test classpath (Java fixtures such as TEST_UDF or MULTI_ARG), which no ksqlDB server ships.
 */
const OUT_OF_SCOPE: readonly { readonly pattern: RegExp; readonly reason: string }[] = [
  {
    pattern: /^\s*(CREATE\s+(SOURCE|SINK)\s+CONNECTOR|DROP\s+CONNECTOR|DESCRIBE\s+CONNECTOR)\b/i,
    reason: 'out of scope: connectors (Kafka Connect)',
  },
  {
    pattern: /\b(TEST_UDF|BAD_UDF|TOSTRUCT|MULTI_ARG|FOUR_ARG|FIVE_ARG|GENERIC_VAR_ARG|OBJ_COL_ARG)\s*\(/i,
    reason: "out of scope: calls a UDF from ksqlDB's test classpath, not a built-in function",
  },
];

export function classify(c: QttCase): Classification {
  if (!c.enabled) return { run: false, reason: 'disabled in the QTT file (enabled: false)' };

  const sr = schemaRegistryUse(c);
  if (sr !== undefined) {
    // PROTOBUF_NOSR needs no registry, but protobuf itself is not supported either.
    const what = sr.endsWith('PROTOBUF_NOSR') ? 'needs protobuf (PROTOBUF_NOSR)' : 'needs a Schema Registry';
    return { run: false, reason: `${what}: ${sr}` };
  }

  for (const statement of c.statements) {
    for (const o of OUT_OF_SCOPE) if (o.pattern.test(statement)) return { run: false, reason: o.reason };
  }
  return { run: true };
}

/** Where the case needs a Schema Registry format or schema, or undefined. */
function schemaRegistryUse(c: QttCase): string | undefined {
  const mention = (text: string): string | undefined => SR_FORMAT.exec(text)?.[1]?.toUpperCase();

  let m = c.format === undefined ? undefined : mention(c.format);
  if (m) return `format variant ${m}`;
  for (const s of c.statements) if ((m = mention(s))) return `statement uses ${m}`;
  for (const t of c.topics) {
    if (t.keySchema != null || t.valueSchema != null) return `topic '${t.name}' declares a schema`;
    if ((m = mention(topicFormats(t).join(' ')))) return `topic '${t.name}' uses ${m}`;
  }
  for (const [k, v] of Object.entries(c.properties)) if ((m = mention(v))) return `property ${k}=${m}`;
  for (const s of c.post?.sources ?? []) {
    const formats = [s.keyFormat?.format, s.valueFormat].filter((f) => f !== undefined).join(' ');
    if ((m = mention(formats))) return `post-condition on '${s.name}' expects ${m}`;
  }
  for (const t of c.post?.topics?.topics ?? []) {
    if (t.keySchema != null || t.valueSchema != null)
      return `post-condition on topic '${t.name}' checks a schema`;
    const formats = [t.keyFormat?.format, t.valueFormat?.format].filter((f) => f !== undefined).join(' ');
    if ((m = mention(formats))) return `post-condition on topic '${t.name}' expects ${m}`;
  }
  return undefined;
}

function topicFormats(t: QttCase['topics'][number]): string[] {
  return [t.format, t.keyFormat, t.valueFormat].filter((f): f is string => f !== undefined);
}
