/**
 * Feeds a source topic continuously (a fixed number of records per tick), so that faults happen
 * mid-stream. Record `i` goes to partition `i % partitions`; `value(i)` builds its value and
 * `key(i)` its key. Sends are sequential, so the feed is in order per partition.
 */
import type { Producer } from 'kafkajs';

export interface FeederOptions {
  readonly topic: string;
  readonly partitions: number;
  readonly perTick: number;
  readonly tickMs: number;
  readonly key: (i: number) => string;
  readonly value: (i: number) => unknown;
}

export interface Feeder {
  /** Records sent so far (ids 0 … sent-1), and when each tick's send completed. */
  readonly sent: () => number;
  /** The first id sent at or after `at` (epoch ms), for "records produced after the kill". */
  firstIdSentAfter(at: number): number;
  stop(): Promise<void>;
}

export function startFeeder(producer: Producer, options: FeederOptions): Feeder {
  let next = 0;
  let stopped = false;
  const marks: { at: number; firstId: number }[] = [];
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      const first = next;
      const messages = Array.from({ length: options.perTick }, (_, k) => {
        const i = first + k;
        return {
          key: options.key(i),
          value: JSON.stringify(options.value(i)),
          partition: i % options.partitions,
        };
      });
      marks.push({ at: started, firstId: first });
      // Retries inside kafkajs ride out short broker hiccups; a send that still fails ends the feed.
      await producer.send({ topic: options.topic, acks: -1, messages });
      next = first + options.perTick;
      const wait = options.tickMs - (Date.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  return {
    sent: () => next,
    firstIdSentAfter: (at) => marks.find((m) => m.at >= at)?.firstId ?? next,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
