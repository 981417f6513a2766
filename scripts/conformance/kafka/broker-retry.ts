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
