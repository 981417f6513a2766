/**
 * The server-level properties SHOW PROPERTIES lists (ksqlDB's defaults, Appendix A of
 * ../shared/reference/ksqldb.md, with Kappa's values). `configured` are the ones that come from
 * this engine's configuration rather than defaults.
 */
export interface ServerProperties {
  readonly values: Readonly<Record<string, string>>;
  readonly configured: readonly string[];
}

export function serverProperties(config: {
  serviceId: string;
  bootstrapServers?: string;
  replicas?: number;
}): ServerProperties {
  const configured: Record<string, string> = {
    'ksql.service.id': config.serviceId,
    ...(config.bootstrapServers ? { 'ksql.streams.bootstrap.servers': config.bootstrapServers } : {}),
  };
  const defaults: Record<string, string> = {
    'ksql.persistence.default.format.key': 'KAFKA',
    'ksql.persistent.prefix': 'query_',
    'ksql.transient.prefix': 'transient_',
    'ksql.output.topic.name.prefix': '',
    'ksql.internal.topic.replicas': String(config.replicas ?? 1),
    'ksql.query.pull.table.scan.enabled': 'true',
    'ksql.query.pull.range.scan.enabled': 'true',
    'ksql.query.pull.limit.clause.enabled': 'true',
    'ksql.query.pull.stream.enabled': 'true',
    'ksql.query.push.v2.enabled': 'false',
    'ksql.create.or.replace.enabled': 'true',
    'ksql.variable.substitution.enable': 'true',
    'ksql.headers.columns.enabled': 'true',
    'ksql.max.push.queries': '100',
    'ksql.server.command.response.timeout.ms': '5000',
    'ksql.streams.auto.offset.reset': 'latest',
    'ksql.streams.commit.interval.ms': '2000',
    'ksql.streams.cache.max.bytes.buffering': '10485760',
    'ksql.streams.processing.guarantee': 'at_least_once',
  };
  return { values: { ...defaults, ...configured }, configured: Object.keys(configured) };
}

/** ksqlDB's property scope, from the name's prefix. */
export function propertyScope(name: string): string {
  if (name.startsWith('ksql.streams.')) return 'STREAMS';
  if (name.startsWith('ksql.')) return 'KSQL';
  return 'STREAMS';
}

/** Session overrides may omit ksqlDB's `ksql.streams.` prefix (`auto.offset.reset`). */
export function canonicalPropertyName(name: string, known: Readonly<Record<string, string>>): string {
  if (name in known || name.startsWith('ksql.')) return name;
  const prefixed = `ksql.streams.${name}`;
  return prefixed in known ? prefixed : name;
}
