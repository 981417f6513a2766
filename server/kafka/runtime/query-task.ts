import type { ProcessingContext, ProcessingError, Processor } from '../../exec/processor';
import type { Rec } from '../../exec/record';
import type { KeyValueStore } from '../../exec/state/key-value-store';
import { buildTopology } from '../../exec/topology/build-topology';
import type { RekeyNode } from '../../plan/nodes';
import type { QueryPlan } from '../../plan/query-plan';
import type { DataSource } from '../../types/data-source';
import { createSinkEncoder } from '../codec/sink-encoder';
import { createSourceDecoder, type DecodeResult, type IncomingRecord } from '../codec/source-decoder';
import type { KafkaHeaders } from '../serde';
import { partitionFor } from '../partitioner';
import { CHECKPOINT_KEY, changelogKey, repartitionTopic, splitChangelogKey } from './internal-topics';
import { copartitionKeyEncoders, type KeyEncoder } from './copartition-keys';
import { keepColumns, repartitionColumnsNeeded } from './repartition-columns';
import { fromTypedBuffer, toTypedBuffer } from './typed-json';

/**
 * The key in the join partner's format, or undefined when there is no partner or the key cannot
 * be written in it (a NULL key, which joins nothing, or a type the partner's format rejects).
 */
function encodeForPartner(encode: KeyEncoder | undefined, values: readonly unknown[]): Buffer | undefined {
  if (!encode) return undefined;
  try {
    return encode(values) ?? undefined;
  } catch {
    return undefined;
  }
}

export interface OutRecord {
  readonly topic: string;
  readonly partition: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: number;
  readonly headers?: KafkaHeaders;
}

export interface TaskPlan {
  readonly appId: string;
  readonly plan: QueryPlan;
  readonly sink: DataSource;
  readonly sinkPartitions: number;
  /** Partitions of the repartition topics (= the query's task count). */
  readonly tasks: number;
  /** Rekeys that go through a repartition topic. */
  readonly cut: (node: RekeyNode) => boolean;
}

/**
 * One partition's share of a persistent query (a Kafka Streams "task"): its own operators and
 * state stores, fed partition p of every input topic. Outputs (sink, repartition and changelog
 * records) are buffered until the runtime writes them for the batch.
 */
export class QueryTask {
  private streamTime = Number.NEGATIVE_INFINITY;
  private readonly routes = new Map<string, ((r: IncomingRecord) => void)[]>();
  private readonly stores: ReadonlyMap<string, KeyValueStore<unknown>>;
  /** Changelog key → the store entry that changed since the last drain. */
  private readonly dirty = new Map<string, { store: KeyValueStore<unknown>; key: string }>();
  private readonly checkpoint = new Map<string, number>();
  private readonly skipBelow = new Map<string, number>();
  private out: OutRecord[] = [];
  processed = 0;

  constructor(
    readonly partition: number,
    private readonly spec: TaskPlan,
    private readonly report: (e: ProcessingError) => void,
  ) {
    const ctx: ProcessingContext = { reportError: report, streamTime: () => this.streamTime };
    const encode = createSinkEncoder(spec.sink, spec.plan.columns);
    const sinkTopic = spec.sink.topic;
    const output: Processor = {
      push: (rec: Rec) => {
        let e;
        try {
          e = encode(rec);
        } catch (error) {
          report({
            kind: 'SERIALIZATION',
            step: 'Sink',
            message: error instanceof Error ? error.message : String(error),
            rec,
          });
          return;
        }
        const p = e.key === null ? partition % spec.sinkPartitions : partitionFor(e.key, spec.sinkPartitions);
        this.out.push({
          topic: sinkTopic,
          partition: p,
          key: e.key,
          value: e.value,
          timestamp: e.timestamp,
          ...(e.headers ? { headers: e.headers } : {}),
        });
      },
    };
    const partnerKeys = copartitionKeyEncoders(spec.plan);
    const neededColumns = repartitionColumnsNeeded(spec.plan);
    const writers = (node: RekeyNode): Processor | undefined => {
      if (!spec.cut(node)) return undefined;
      const topic = repartitionTopic(spec.appId, node.name);
      const keyCount = node.keys.length;
      const partnerKey = partnerKeys.get(node.name);
      const needed = neededColumns.get(node.name);
      return {
        push: (rec: Rec) => {
          const values = rec.row.slice(0, keyCount);
          const key = encodeForPartner(partnerKey, values) ?? toTypedBuffer(values);
          const value = toTypedBuffer({
            row: keepColumns(rec.row, needed),
            tombstone: rec.tombstone,
            ...(rec.old !== undefined ? { old: rec.old && keepColumns(rec.old, needed) } : {}),
          });
          this.out.push({
            topic,
            partition: partitionFor(key, spec.tasks),
            key,
            value,
            timestamp: rec.ts,
            // Kafka Streams carries headers through repartition topics: a GROUP BY's outputs keep them.
            ...(rec.headers ? { headers: rec.headers as KafkaHeaders } : {}),
          });
        },
      };
    };
    const topology = buildTopology(spec.plan.root, output, ctx, { repartition: writers });
    for (const { node, port } of topology.sources) {
      const decode = createSourceDecoder(node.source);
      this.route(node.source.topic, (r) =>
        this.pushDecoded(decode(r), port, `${node.alias}.Source`, r, node.source.topic),
      );
    }
    for (const { node, port } of topology.repartitions) {
      this.route(repartitionTopic(spec.appId, node.name), (r) => {
        if (r.value === null) return;
        try {
          const v = fromTypedBuffer(r.value) as {
            row: unknown[];
            tombstone: boolean;
            old?: unknown[] | null;
          };
          const rec: Rec = {
            row: v.row,
            ts: r.timestamp,
            tombstone: v.tombstone,
            partition: r.partition,
            offset: r.offset,
            ...(v.old !== undefined ? { old: v.old } : {}),
            ...(Object.keys(r.headers).length > 0 ? { headers: r.headers } : {}),
          };
          this.advance(rec.ts);
          port.push(rec);
        } catch (error) {
          report({
            kind: 'DESERIALIZATION',
            step: `${node.name}.Repartition`,
            message: error instanceof Error ? error.message : String(error),
          });
        }
      });
    }
    this.stores = topology.stores;
    for (const [name, store] of topology.stores) {
      // Only which keys changed is noted here; their latest values are encoded once per batch in
      // drainChangelog (an aggregate updates a hot key many times per batch).
      store.setChangeListener((key) => this.dirty.set(changelogKey(name, key), { store, key }));
    }
  }

  private route(topic: string, handler: (r: IncomingRecord) => void): void {
    const list = this.routes.get(topic) ?? [];
    list.push(handler);
    this.routes.set(topic, list);
  }

  private advance(ts: number): void {
    if (ts > this.streamTime) this.streamTime = ts;
  }

  private pushDecoded(
    result: DecodeResult,
    port: Processor,
    step: string,
    raw: IncomingRecord,
    topic: string,
  ): void {
    if (result.ok === 'skip') return;
    if (result.ok === false) {
      this.report({
        kind: result.step === 'timestamp' ? 'RECORD_PROCESSING' : 'DESERIALIZATION',
        step: `${step}.${result.step}`,
        message: result.message,
        topic,
        recordBytes: result.step === 'key' ? raw.key : raw.value,
      });
      return;
    }
    this.advance(result.rec.ts);
    port.push(result.rec);
  }

  /** Feeds records of one input partition (offset order). */
  process(topic: string, records: readonly IncomingRecord[]): void {
    const handlers = this.routes.get(topic) ?? [];
    // Checkpoints are per topic partition: a single-task query reads every partition of a topic.
    const position = `${topic}\u0000${records[0]?.partition ?? 0}`;
    const skip = this.skipBelow.get(position) ?? -1;
    for (const r of records) {
      if (r.offset < skip) continue; // already reflected in the restored state
      for (const h of handlers) h(r);
      this.processed++;
      this.checkpoint.set(position, r.offset + 1);
    }
  }

  /** Sink and repartition records produced since the last drain. */
  drainOutputs(): OutRecord[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** Changelog records for the state changed since the last drain, ending with the checkpoint. */
  drainChangelog(topic: string, timestamp: number): OutRecord[] {
    if (this.dirty.size === 0 && this.checkpoint.size === 0) return [];
    const out: OutRecord[] = [];
    for (const [k, { store, key }] of this.dirty) {
      const v = store.get(key);
      out.push({
        topic,
        partition: this.partition,
        key: Buffer.from(k),
        value: v === undefined ? null : toTypedBuffer(store.codec.encode(v)),
        timestamp,
      });
    }
    this.dirty.clear();
    if (this.checkpoint.size > 0 && this.stores.size > 0) {
      out.push({
        topic,
        partition: this.partition,
        key: Buffer.from(CHECKPOINT_KEY),
        value: toTypedBuffer(Object.fromEntries(this.checkpoint)),
        timestamp,
      });
    }
    return out;
  }

  /** Applies one changelog record while restoring (before processing starts). */
  restore(key: Buffer | null, value: Buffer | null): void {
    if (key === null) return;
    const k = key.toString();
    if (k === CHECKPOINT_KEY) {
      if (value)
        for (const [topic, offset] of Object.entries(fromTypedBuffer(value) as Record<string, number>))
          this.skipBelow.set(topic, offset);
      return;
    }
    const parts = splitChangelogKey(k);
    const store = parts && this.stores.get(parts.store);
    if (!store || !parts) return;
    store.restore(parts.key, value === null ? undefined : store.codec.decode(fromTypedBuffer(value)));
  }

  get hasState(): boolean {
    return this.stores.size > 0;
  }

  /** Entries and a rough byte estimate of this task's state (DESCRIBE EXTENDED, workbench). */
  stateSize(): { entries: number } {
    let entries = 0;
    for (const s of this.stores.values()) entries += s.size;
    return { entries };
  }
}
