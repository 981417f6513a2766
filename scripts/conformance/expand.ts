import type { QttCase } from './qtt-case';
import type { QttCaseNode, QttTopic } from './qtt-schema';

/**
 * Expands a test entry into its variants, as ksqlDB's `TestCaseBuilder` does: one per `format`
 * entry (replacing `{FORMAT}` in statements, and here also in topic entries), times one per
 * `config` entry (replacing property values that are exactly `{CONFIG}`).
 */
export function expandCase(file: string, node: QttCaseNode, firstIndex: number): QttCase[] {
  const prefix = file.replace(/\.json$/, '');
  const formats: (string | undefined)[] = node.format?.length ? node.format : [undefined];
  const configs: (string | undefined)[] = node.config?.length ? node.config : [undefined];
  const out: QttCase[] = [];
  for (const format of formats) {
    for (const config of configs) {
      const name = [prefix, node.name, format, config].filter((p) => p !== undefined).join(' - ');
      const sub = (s: string): string => (format === undefined ? s : s.replaceAll('{FORMAT}', format));
      out.push({
        file,
        name,
        index: firstIndex + out.length,
        format,
        config,
        statements: node.statements.map(sub),
        properties: substituteConfig(node.properties ?? {}, config),
        topics: (node.topics ?? []).map((t) => substituteTopic(t, sub)),
        inputs: node.inputs ?? [],
        outputs: node.outputs ?? [],
        expectedException: node.expectedException,
        post: node.post,
        enabled: node.enabled !== false,
        node,
      });
    }
  }
  return out;
}

/** Expands every entry of a file; indexes run over the whole file. */
export function expandFile(file: string, nodes: readonly QttCaseNode[]): QttCase[] {
  const out: QttCase[] = [];
  for (const node of nodes) out.push(...expandCase(file, node, out.length));
  return out;
}

function substituteConfig(
  properties: Readonly<Record<string, string>>,
  config: string | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(properties))
    out[k] = config !== undefined && v === '{CONFIG}' ? config : v;
  return out;
}

function substituteTopic(topic: QttTopic, sub: (s: string) => string): QttTopic {
  return {
    ...topic,
    format: topic.format === undefined ? undefined : sub(topic.format),
    keyFormat: topic.keyFormat === undefined ? undefined : sub(topic.keyFormat),
    valueFormat: topic.valueFormat === undefined ? undefined : sub(topic.valueFormat),
  };
}
