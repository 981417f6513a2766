/**
 * Expected outputs of every workload, computed from the generated events by the hand-written
 * references, and the same fingerprint computed from what a run wrote to Kafka.
 */
import type { NexmarkEvent } from '../nexmark/model';
import type { OutputRecord } from '../kafka/read-topic';
import type { QueryId } from '../workloads/sql';
import {
  AGGREGATE_CHECKS,
  windowStarts,
  type AggregateId,
  type AggregateReference,
} from './canonical-stateful';
import { JOIN_CHECKS, type JoinId, type JoinReference } from './canonical-join';
import { STATELESS_CHECKS, lowerFields, type StatelessId } from './canonical-stateless';
import { StreamDigest, TableDigest, type Digest } from './digest';

/** Workload ids with a check: the queries, plus B4's tumbling count per auction. */
export type CheckId = QueryId | 'b4-tumbling';

const TUMBLING_COUNT_BY_AUCTION = {
  ...AGGREGATE_CHECKS.q5,
  reference: (): AggregateReference => {
    const state = new Map<string, number>();
    return {
      add: (e) => {
        if (e.kind !== 'bid') return;
        for (const start of windowStarts(e.bid.dateTime, 10_000, 10_000)) {
          const k = `${e.bid.auction}@${start}`;
          state.set(k, (state.get(k) ?? 0) + 1);
        }
      },
      final: () => new Map([...state].map(([k, v]) => [k, String(v)])),
    };
  },
};

function aggregateCheck(id: CheckId) {
  if (id === 'b4-tumbling') return TUMBLING_COUNT_BY_AUCTION;
  return id in AGGREGATE_CHECKS ? AGGREGATE_CHECKS[id as AggregateId] : undefined;
}

export class Expectations {
  private readonly stateless = new Map<StatelessId, StreamDigest>();
  private readonly aggregates = new Map<CheckId, AggregateReference>();
  private readonly joins = new Map<JoinId, { ref: JoinReference; digest: StreamDigest }>();

  constructor() {
    for (const id of Object.keys(STATELESS_CHECKS) as StatelessId[])
      this.stateless.set(id, new StreamDigest());
    for (const id of [...Object.keys(AGGREGATE_CHECKS), 'b4-tumbling'] as CheckId[])
      this.aggregates.set(id, aggregateCheck(id)!.reference());
    for (const id of Object.keys(JOIN_CHECKS) as JoinId[])
      this.joins.set(id, { ref: JOIN_CHECKS[id].reference(), digest: new StreamDigest() });
  }

  observe(e: NexmarkEvent): void {
    if (e.kind === 'bid') {
      for (const [id, d] of this.stateless) {
        const row = STATELESS_CHECKS[id].fromBid(e.bid);
        if (row !== null) d.add(row);
      }
    }
    for (const ref of this.aggregates.values()) ref.add(e);
    for (const { ref } of this.joins.values()) ref.add(e);
  }

  /** Call once after the last event. */
  digests(): Map<CheckId, Digest> {
    const out = new Map<CheckId, Digest>();
    for (const [id, d] of this.stateless) out.set(id, d.digest());
    for (const [id, ref] of this.aggregates) {
      const t = new TableDigest();
      for (const [k, v] of ref.final()) t.put(k, v);
      out.set(id, t.digest());
    }
    for (const [id, { ref, digest }] of this.joins) {
      for (const row of ref.rows()) digest.add(row);
      out.set(id, digest.digest());
    }
    return out;
  }
}

/** Folds output records into the fingerprint the reference of `id` computes. */
export function outputFolder(id: CheckId): { add(r: OutputRecord): void; digest(): Digest } {
  const agg = aggregateCheck(id);
  if (agg) {
    const table = new TableDigest();
    return {
      add: (r) => {
        if (!r.key) return;
        table.put(agg.key(r.key), r.value === null ? null : agg.row(lowerFields(r.value)));
      },
      digest: () => table.digest(),
    };
  }
  const rowOf =
    id in STATELESS_CHECKS ? STATELESS_CHECKS[id as StatelessId].fromOutput : JOIN_CHECKS[id as JoinId].row;
  const stream = new StreamDigest();
  return {
    add: (r) => {
      if (r.value) stream.add(rowOf(lowerFields(r.value)));
    },
    digest: () => stream.digest(),
  };
}
