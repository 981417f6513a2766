/** Names of a persistent query's internal topics (Kafka Streams style: `<app id>-<name>-…`). */
export function queryApplicationId(serviceId: string, queryId: string): string {
  return `_kappa-${serviceId}query_${queryId}`;
}

export function repartitionTopic(appId: string, rekeyName: string): string {
  return `${appId}-${rekeyName}-repartition`;
}

/** One compacted changelog per query holds every state store's entries and the input checkpoint. */
export function changelogTopic(appId: string): string {
  return `${appId}-changelog`;
}

export const CHECKPOINT_KEY = '\u0000checkpoint';

export function changelogKey(store: string, key: string): string {
  return `${store}\u0000${key}`;
}

export function splitChangelogKey(k: string): { store: string; key: string } | undefined {
  const i = k.indexOf('\u0000');
  if (i <= 0) return undefined;
  return { store: k.slice(0, i), key: k.slice(i + 1) };
}
