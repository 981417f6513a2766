/**
 * Sees the engine's batches from outside: wraps `kafka.consumer()` so every eachBatch the runtime
 * registers is timed (start of the first batch, end of each batch's processing and writes) and
 * counted per topic. The engine code itself is unchanged.
 */
import type { Consumer, ConsumerConfig, ConsumerRunConfig, EachBatchPayload, Kafka } from 'kafkajs';

export interface BatchHooks {
  before(topic: string): void;
  after(topic: string, records: number): void;
  subscribed(topic: string): void;
}

function wrapConsumer(consumer: Consumer, hooks: BatchHooks): Consumer {
  const run = consumer.run.bind(consumer);
  const subscribe = consumer.subscribe.bind(consumer);
  consumer.subscribe = async (s) => {
    if ('topic' in s && typeof s.topic === 'string') hooks.subscribed(s.topic);
    return subscribe(s);
  };
  consumer.run = async (config?: ConsumerRunConfig) => {
    const eachBatch = config?.eachBatch;
    if (!eachBatch) return run(config);
    return run({
      ...config,
      eachBatch: async (payload: EachBatchPayload) => {
        const { topic, messages } = payload.batch;
        if (messages.length > 0) hooks.before(topic);
        // Count what the engine resolved, not what it was handed: a join task holds records back
        // (leaves them unresolved) until its other input catches up, and gets them again later.
        let resolved = -1n;
        await eachBatch({
          ...payload,
          resolveOffset: (offset: string) => {
            if (BigInt(offset) > resolved) resolved = BigInt(offset);
            payload.resolveOffset(offset);
          },
        });
        const done = messages.filter((m) => BigInt(m.offset) <= resolved).length;
        if (done > 0) hooks.after(topic, done);
      },
    });
  };
  return consumer;
}

export function instrumentKafka(kafka: Kafka, hooks: BatchHooks): Kafka {
  return new Proxy(kafka, {
    get(target, prop, receiver) {
      if (prop === 'consumer') {
        return (config: ConsumerConfig) => wrapConsumer(target.consumer(config), hooks);
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
