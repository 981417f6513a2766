import type { Admin } from 'kafkajs';

/**
 * Retries a broker request that failed because a topic created a moment ago is not served yet: a
 * KRaft broker answers UNKNOWN_TOPIC_OR_PARTITION ("This server does not host this
 * topic-partition") or LEADER_NOT_AVAILABLE until it has applied the new metadata, which takes
 * longer on a busy machine. Any other error, or the same one after `timeoutMs`, is thrown.
 */
export async function retryWhileTopicUnknown<T>(request: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await request();
    } catch (e) {
      const transient = e instanceof Error && /does not host this topic-partition|no leader/i.test(e.message);
      if (!transient || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * A topic's partitions with their low and high offsets. Right after a topic was created a broker
 * may describe it with no partitions yet; that is retried like an unknown topic, since an empty
 * answer would read as "nothing to wait for".
 */
export async function topicOffsets(
  admin: Admin,
  topic: string,
  timeoutMs = 10_000,
): Promise<{ partition: number; low: number; high: number }[]> {
  return retryWhileTopicUnknown(async () => {
    const offsets = await admin.fetchTopicOffsets(topic);
    if (offsets.length === 0) throw new Error(`no leader yet for the partitions of ${topic}`);
    return offsets.map((p) => ({ partition: p.partition, low: Number(p.low), high: Number(p.high) }));
  }, timeoutMs);
}
