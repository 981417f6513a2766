import type { CatalogView } from '../../server/catalog/catalog';
import type { DataSource } from '../../server/types/data-source';
import { formatSchema } from '../../server/types/logical-schema';
import type { QttPost, QttPostSource } from './qtt-schema';
import { schemaDifference } from './schema-string';

/**
 * QTT `post` checks, as ksqlDB's `PostConditions`: listed sources exist with the right kind,
 * schema and formats; no topic matches `topics.blacklist`; listed topics exist. Returns the first
 * failed check, or undefined.
 */
export interface PostView {
  readonly catalog: CatalogView;
  readonly topics: readonly string[];
  /** Partition count of a topic, when the environment can tell. */
  readonly partitions?: (topic: string) => number | undefined;
}

export function postDifference(post: QttPost | undefined, view: PostView): string | undefined {
  if (post === undefined) return undefined;
  for (const expected of post.sources ?? []) {
    const d = sourceDifference(expected, view.catalog.source(expected.name));
    if (d !== undefined) return `post: ${d}`;
  }
  const blacklist = post.topics?.blacklist;
  if (blacklist !== undefined) {
    // Java's Pattern.matches: the whole name must match.
    const re = new RegExp(`^(?:${blacklist})$`);
    const hit = view.topics.find((t) => re.test(t));
    if (hit !== undefined) return `post: topic '${hit}' exists but matches blacklist /${blacklist}/`;
  }
  for (const t of post.topics?.topics ?? []) {
    if (!view.topics.includes(t.name)) return `post: topic '${t.name}' does not exist`;
    const actual = t.partitions === undefined ? undefined : view.partitions?.(t.name);
    if (actual !== undefined && actual !== t.partitions) {
      return `post: topic '${t.name}' has ${actual} partitions, expected ${t.partitions}`;
    }
    const source = view.catalog.sources().find((s) => s.topic === t.name);
    if (source === undefined) continue; // internal topics: formats are not visible through the catalog
    if (t.keyFormat && t.keyFormat.format.toUpperCase() !== source.keyFormat.format) {
      return `post: topic '${t.name}' key format is ${source.keyFormat.format}, expected ${t.keyFormat.format}`;
    }
    if (t.valueFormat && t.valueFormat.format.toUpperCase() !== source.valueFormat.format) {
      return `post: topic '${t.name}' value format is ${source.valueFormat.format}, expected ${t.valueFormat.format}`;
    }
  }
  return undefined;
}

function sourceDifference(e: QttPostSource, s: DataSource | undefined): string | undefined {
  if (s === undefined) return `source ${e.name} does not exist`;
  if (e.type.toUpperCase() !== s.kind) return `${e.name} is a ${s.kind.toLowerCase()}, expected a ${e.type}`;
  if (e.schema !== undefined) {
    let d: string | undefined;
    try {
      d = schemaDifference(e.schema, formatSchema(s.schema, s.kind));
    } catch (err) {
      return `${e.name}: cannot read the schema '${e.schema}': ${String(err)}`;
    }
    if (d !== undefined) return `${e.name} schema ${d}`;
  }
  if (e.keyFormat !== undefined) {
    const k = e.keyFormat;
    if (k.format.toUpperCase() !== s.keyFormat.format) {
      return `${e.name} key format: expected ${k.format}, got ${s.keyFormat.format}`;
    }
    if (k.windowType !== undefined && k.windowType.toUpperCase() !== s.window?.type) {
      return `${e.name} window type: expected ${k.windowType}, got ${s.window?.type ?? 'none'}`;
    }
    if (k.windowType === undefined && s.window !== undefined) {
      return `${e.name} key: expected no window, got ${s.window.type}`;
    }
    if (k.windowSize !== undefined && k.windowSize !== s.window?.sizeMs) {
      return `${e.name} window size: expected ${k.windowSize}, got ${s.window?.sizeMs ?? 'none'}`;
    }
  }
  if (e.valueFormat !== undefined && e.valueFormat.toUpperCase() !== s.valueFormat.format) {
    return `${e.name} value format: expected ${e.valueFormat}, got ${s.valueFormat.format}`;
  }
  if (e.keyFeatures !== undefined) {
    const got = keyFeatures(s);
    if (!sameSet(e.keyFeatures, got))
      return `${e.name} key features: expected [${e.keyFeatures}], got [${got}]`;
  }
  if (e.valueFeatures !== undefined) {
    const got = valueFeatures(s);
    if (!sameSet(e.valueFeatures, got))
      return `${e.name} value features: expected [${e.valueFeatures}], got [${got}]`;
  }
  if (e.isSource !== undefined && e.isSource !== s.isSource) {
    return `${e.name}: expected isSource ${e.isSource}, got ${s.isSource}`;
  }
  return undefined;
}

/** Formats that can wrap a single column in a record; only they carry (UN)WRAP_SINGLES. */
const WRAPPING_FORMATS = new Set(['JSON', 'JSON_SR', 'AVRO', 'PROTOBUF', 'PROTOBUF_NOSR']);

/**
 * ksqlDB's effective key features: a single key column in a wrapping format is unwrapped unless
 * the statement asked for wrapping; other keys carry no feature.
 */
function keyFeatures(s: DataSource): string[] {
  if (s.keyFeatures.wrapSingleValues === true) return ['WRAP_SINGLES'];
  if (s.keyFeatures.wrapSingleValues === false) return ['UNWRAP_SINGLES'];
  return s.schema.key.length === 1 && WRAPPING_FORMATS.has(s.keyFormat.format) ? ['UNWRAP_SINGLES'] : [];
}

/** Value features are explicit only: WRAP_SINGLE_VALUE=true/false, nothing when unset. */
function valueFeatures(s: DataSource): string[] {
  if (s.valueFeatures.wrapSingleValues === true) return ['WRAP_SINGLES'];
  if (s.valueFeatures.wrapSingleValues === false) return ['UNWRAP_SINGLES'];
  return [];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
