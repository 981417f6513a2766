import type { Admin, IHeaders, Kafka, Message, Producer } from 'kafkajs';
import type { CatalogView } from '../../../server/catalog/catalog';
import type {
  DriverProcessingError,
  ProduceRecord,
  RawHeader,
  RawRecord,
} from '../../../server/testing/driver-api';
import type { CaseTarget } from '../case-target';
import type { PostView } from '../post-conditions';
import type { CaseEngine } from './case-engine';
import { retryWhileTopicUnknown } from './broker-retry';
import { createTopicAndWait } from './create-topic';
import { inferTopics } from './infer-topics';
import { withoutPrefix } from './namespace';
import { queryGroups, waitUntilQuiet } from './quiescence';
import { readTopics } from './topic-reader';

export interface KafkaTargetOptions {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly engine: CaseEngine;
  /** The case's topic prefix (see namespace.ts). */
  readonly prefix: string;
  /** Session properties for every statement. */
  readonly properties: Readonly<Record<string, string>>;
  /** Epoch ms after which waiting for the queries gives up. */
  readonly deadline: number;
}

/**
 * A case run end to end: statements through the engine (command topic, catalog, KafkaQueryRuntime),
 * inputs produced to the broker, outputs read back from the sink topics.
 *
 * Inputs are produced in order, one send per run of consecutive records to the same partition;
 * before switching to another partition or topic the runner waits until the queries are quiet.
 * That gives every case TopologyTestDriver's order across topics (each input processed before the
 * next), which the expected outputs of joins and multi-source cases assume; within one partition
 * Kafka keeps the order by itself.
 */
export class KafkaTarget implements CaseTarget {
  readonly orderedAcrossPartitions = false;
  private producer: Producer | undefined;
  private readonly known = new Set<string>();
  private batch: { topic: string; partition: number; messages: Message[] } | undefined;
  private output: Map<string, RawRecord[]> | undefined;
  private unsettled: string | undefined;

  constructor(private readonly o: KafkaTargetOptions) {}

  async createTopic(name: string, partitions: number): Promise<void> {
    await this.ensureTopic(name, partitions);
  }

  async execute(statement: string): Promise<void> {
    for (const t of safeInferTopics(statement)) await this.ensureTopic(t.name, t.partitions);
    try {
      await this.o.engine.engine.execute(statement, { properties: { ...this.o.properties } });
    } catch (e) {
      throw this.unprefixed(e);
    }
  }

  catalog(): CatalogView {
    return this.o.engine.state.catalog();
  }

  async produce(r: ProduceRecord): Promise<void> {
    const partition = r.partition ?? 0;
    if (this.batch && (this.batch.topic !== r.topic || this.batch.partition !== partition)) {
      await this.flush();
      await this.quiet();
    }
    this.batch ??= { topic: r.topic, partition, messages: [] };
    this.batch.messages.push({
      key: r.key,
      value: r.value,
      partition,
      ...(r.timestamp === undefined ? {} : { timestamp: String(r.timestamp) }),
      headers: headerObject(r.headers ?? []),
    });
  }

  async settle(): Promise<string | undefined> {
    await this.flush();
    await this.quiet();
    return this.unsettled;
  }

  async records(topic: string): Promise<readonly RawRecord[]> {
    if (this.output?.has(topic) !== true) {
      // A sink that was never created holds no records, as for the driver.
      const exists = (await this.o.admin.listTopics()).includes(topic);
      const read = exists ? await readTopics(this.o.kafka, this.o.admin, [topic]) : new Map([[topic, []]]);
      this.output ??= new Map();
      for (const [t, rs] of read) this.output.set(t, rs);
    }
    return this.output.get(topic) ?? [];
  }

  processingErrors(): readonly DriverProcessingError[] {
    return this.o.engine.errors.map((e) => ({ ...e, message: withoutPrefix(e.message, this.o.prefix) }));
  }

  async postView(): Promise<PostView> {
    const topics = await this.caseTopics();
    const metadata = await this.o.admin.fetchTopicMetadata({ topics }).catch(() => ({ topics: [] }));
    const partitions = new Map(metadata.topics.map((t) => [t.name, t.partitions.length]));
    return { catalog: this.catalog(), topics, partitions: (t) => partitions.get(t) };
  }

  caseTopics(): Promise<string[]> {
    return caseTopics(this.o.admin, this.o.prefix, this.o.engine.serviceId);
  }

  async close(): Promise<void> {
    await this.producer?.disconnect().catch(() => {});
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = undefined;
    if (batch === undefined) return;
    await this.ensureTopic(batch.topic, 1);
    if (this.producer === undefined) {
      this.producer = this.o.kafka.producer({ allowAutoTopicCreation: false, idempotent: true });
      await this.producer.connect();
    }
    const producer = this.producer;
    await retryWhileTopicUnknown(() =>
      producer.send({ topic: batch.topic, messages: batch.messages, acks: -1 }),
    );
  }

  private async quiet(): Promise<void> {
    const why = await waitUntilQuiet(
      this.o.admin,
      async () => queryGroups(this.catalog(), this.o.engine.serviceId, await this.caseTopics()),
      this.o.deadline,
    );
    if (why !== undefined) this.unsettled = withoutPrefix(why, this.o.prefix);
  }

  private async ensureTopic(name: string, partitions: number): Promise<void> {
    if (this.known.has(name)) return;
    if (!(await this.o.admin.listTopics()).includes(name))
      await createTopicAndWait(this.o.admin, name, partitions);
    this.known.add(name);
  }

  /** The engine's error with the case prefix taken out of its message and cause. */
  private unprefixed(e: unknown): unknown {
    if (!(e instanceof Error)) return e;
    const strip = (s: string): string => withoutPrefix(s, this.o.prefix);
    const cause =
      e.cause instanceof Error
        ? Object.assign(new Error(strip(e.cause.message)), { name: e.cause.name })
        : e.cause;
    const copy = new Error(strip(e.message), cause === undefined ? undefined : { cause });
    copy.name = e.name;
    return copy;
  }
}

/** The topics of a case: prefixed ones and its engine's internal ones (command topic included). */
export async function caseTopics(admin: Admin, prefix: string, serviceId: string): Promise<string[]> {
  const internal = `_kappa-${serviceId}`;
  return (await admin.listTopics()).filter((t) => t.startsWith(prefix) || t.startsWith(internal));
}

function safeInferTopics(statement: string): ReturnType<typeof inferTopics> {
  try {
    return inferTopics(statement);
  } catch {
    return [];
  }
}

/**
 * kafkajs takes headers as an object: a repeated key becomes an array, in order. It cannot write a
 * header whose value is null (its record encoder measures the value with Buffer.byteLength before
 * looking for null), so such an input fails the case with that reason: an inherent --kafka
 * difference listed in the README.
 */
function headerObject(headers: readonly RawHeader[]): IHeaders {
  const out: Record<string, Buffer[]> = {};
  for (const h of headers) {
    if (h.value === null) {
      throw new Error(
        `--kafka cannot write header '${h.key}' with a null value: kafkajs's record encoder does not support null header values`,
      );
    }
    (out[h.key] ??= []).push(h.value);
  }
  return out;
}
