import type { PersistentQueryManager, PlannedQuery, QueryRuntime } from '../engine/persistent-queries';
import type { ProcessingContext, ProcessingError, Processor } from '../exec/processor';
import type { Rec } from '../exec/record';
import { buildTopology } from '../exec/topology/build-topology';
import { createSinkEncoder } from '../kafka/codec/sink-encoder';
import { createSourceDecoder, type IncomingRecord } from '../kafka/codec/source-decoder';
import type { DriverProcessingError, RawRecord } from './driver-api';
import type { InMemoryTopics } from './in-memory-topics';
import { toKafkaHeaders, toRawHeaders } from './raw-headers';

interface Subscription {
  readonly queryId: string;
  readonly topic: string;
  deliver(raw: RawRecord): void;
}

/**
 * Runs persistent queries synchronously inside the test driver: a record produced to a topic is
 * pushed through every query reading it, and their outputs through the queries reading those,
 * depth first, before `produce` returns.
 */
export class InProcessRuntime implements QueryRuntime {
  private subscriptions: Subscription[] = [];
  readonly errors: DriverProcessingError[] = [];
  manager: PersistentQueryManager | undefined;

  constructor(private readonly topics: InMemoryTopics) {}

  start(planned: PlannedQuery): void {
    const queryId = planned.query.id;
    let streamTime = Number.NEGATIVE_INFINITY;
    const report = (e: ProcessingError): void => {
      this.errors.push({ queryId, kind: e.kind, message: e.message });
    };
    const ctx: ProcessingContext = { reportError: report, streamTime: () => streamTime };
    const encode = createSinkEncoder(planned.sink, planned.plan.columns);
    const sinkTopic = planned.sink.topic;
    const sink: Processor = {
      push: (rec: Rec) => {
        let encoded;
        try {
          encoded = encode(rec);
        } catch (error) {
          report({
            kind: 'SERIALIZATION',
            step: 'Sink',
            message: error instanceof Error ? error.message : String(error),
            rec,
          });
          return;
        }
        const raw = this.topics.append({
          topic: sinkTopic,
          key: encoded.key,
          value: encoded.value,
          headers: toRawHeaders(encoded.headers),
          timestamp: encoded.timestamp,
        });
        this.deliver(raw);
      },
    };
    const topology = buildTopology(planned.plan.root, sink, ctx);
    const subs: Subscription[] = [];
    for (const { node, port } of topology.sources) {
      const decode = createSourceDecoder(node.source);
      subs.push({
        queryId,
        topic: node.source.topic,
        deliver: (raw) => {
          const result = decode(toIncoming(raw));
          if (result.ok === 'skip') return;
          if (result.ok === false) {
            report({
              kind: result.step === 'timestamp' ? 'RECORD_PROCESSING' : 'DESERIALIZATION',
              step: `${node.alias}.Source.${result.step}`,
              message: result.message,
            });
            return;
          }
          streamTime = Math.max(streamTime, result.rec.ts);
          port.push(result.rec);
        },
      });
    }
    this.subscriptions.push(...subs);
    // auto.offset.reset = earliest: a new query first reads what its topics already hold.
    for (const sub of subs) for (const raw of [...this.topics.records(sub.topic)]) sub.deliver(raw);
  }

  stop(queryId: string): void {
    this.subscriptions = this.subscriptions.filter((s) => s.queryId !== queryId);
  }

  deliver(raw: RawRecord): void {
    for (const sub of this.subscriptions.filter((s) => s.topic === raw.topic)) sub.deliver(raw);
  }
}

function toIncoming(raw: RawRecord): IncomingRecord {
  return {
    key: raw.key,
    value: raw.value,
    timestamp: raw.timestamp,
    partition: raw.partition,
    offset: raw.offset,
    headers: toKafkaHeaders(raw.headers),
  };
}
