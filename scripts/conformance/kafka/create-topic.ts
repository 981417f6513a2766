import type { Admin } from 'kafkajs';

/**
 * Creates a topic (if missing) and waits until the broker serves every partition. kafkajs's own
 * wait (`waitForLeaders`) gives up at the first UNKNOWN_TOPIC_OR_PARTITION, which a KRaft broker
 * answers for a moment after the controller created the topic — longer on a busy machine — so
 * this polls the metadata and treats that answer as "not yet".
 */
export async function createTopicAndWait(
  admin: Admin,
  name: string,
  partitions: number,
  timeoutMs = 15_000,
): Promise<void> {
  await admin
    .createTopics({ waitForLeaders: false, topics: [{ topic: name, numPartitions: partitions }] })
    .catch((e: unknown) => {
      // Created meanwhile (by the engine, or an earlier statement of the case): fine.
      if (!(e instanceof Error && /already exists/i.test(e.message))) throw e;
    });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const metadata = await admin.fetchTopicMetadata({ topics: [name] }).catch(() => undefined);
    const ps = metadata?.topics[0]?.partitions ?? [];
    if (ps.length > 0 && ps.every((p) => p.leader >= 0)) return;
    if (Date.now() > deadline) throw new Error(`topic ${name} has no leader after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
