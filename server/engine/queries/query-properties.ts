/** The per-query properties transient queries read, with ksqlDB's names and defaults. */
export function offsetReset(
  properties: Readonly<Record<string, string>>,
  fallback: 'earliest' | 'latest',
): 'earliest' | 'latest' {
  const v = (properties['auto.offset.reset'] ?? properties['ksql.streams.auto.offset.reset'])?.toLowerCase();
  return v === 'earliest' || v === 'latest' ? v : fallback;
}
