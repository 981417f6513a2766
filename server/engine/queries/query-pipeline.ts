import type { ProcessingContext, ProcessingError, Processor } from '../../exec/processor';
import type { Rec } from '../../exec/record';
import { buildTopology } from '../../exec/topology/build-topology';
import {
  createSourceDecoder,
  type DecodeResult,
  type IncomingRecord,
} from '../../kafka/codec/source-decoder';
import type { QueryPlan } from '../../plan/query-plan';
import type { SourceRecord } from '../../kafka/record-source';
import type { ResultRow } from './query-handle';
import { identityIndexes, resultIndexes } from './result-columns';

/** A result row with the values that identify it (its key and window, projected or not). */
export interface IdentifiedRow {
  readonly row: ResultRow;
  readonly identity: readonly unknown[];
}

/**
 * A transient query's operators in-process: records in, result rows out. All partitions of the
 * inputs feed one topology (a transient query is served by one engine), so re-keying needs no
 * repartition topic.
 */
export class QueryPipeline {
  private streamTime = Number.NEGATIVE_INFINITY;
  private pending: ResultRow[] = [];
  private pendingIdentities: unknown[][] = [];
  readonly errors: ProcessingError[] = [];
  errorCount = 0;
  private readonly routes = new Map<
    string,
    { decode: (r: IncomingRecord) => DecodeResult; port: Processor; alias: string }[]
  >();

  /** `identify`: also keep each row's identity for `feedIdentified` (pull queries over tables). */
  constructor(
    readonly plan: QueryPlan,
    identify = false,
  ) {
    const ctx: ProcessingContext = {
      reportError: (e) => {
        this.errorCount++;
        if (this.errors.length < 100) this.errors.push(e);
      },
      streamTime: () => this.streamTime,
    };
    const indexes = resultIndexes(plan);
    const identities = identityIndexes(plan);
    const output: Processor = {
      push: (rec: Rec) => {
        this.pending.push({
          values: indexes.map((i) => rec.row[i] ?? null),
          ...(rec.tombstone ? { tombstone: true } : {}),
        });
        if (identify) this.pendingIdentities.push(identities.map((i) => rec.row[i] ?? null));
      },
    };
    const topology = buildTopology(plan.root, output, ctx);
    for (const { node, port } of topology.sources) {
      const list = this.routes.get(node.source.topic) ?? [];
      list.push({ decode: createSourceDecoder(node.source), port, alias: node.alias });
      this.routes.set(node.source.topic, list);
    }
  }

  topics(): string[] {
    return [...this.routes.keys()];
  }

  /** Like `feed`, with each row's identity (the pipeline must be built with `identify`). */
  feedIdentified(records: readonly SourceRecord[]): IdentifiedRow[] {
    const rows = this.feed(records);
    const identities = this.pendingIdentities;
    this.pendingIdentities = [];
    return rows.map((row, i) => ({ row, identity: identities[i] ?? [] }));
  }

  /** Pushes records through the operators; returns the result rows they produced. */
  feed(records: readonly SourceRecord[]): ResultRow[] {
    for (const record of records) {
      for (const route of this.routes.get(record.topic) ?? []) {
        const result = route.decode(record);
        if (result.ok === 'skip') continue;
        if (result.ok === false) {
          this.errorCount++;
          if (this.errors.length < 100) {
            this.errors.push({
              kind: 'DESERIALIZATION',
              step: `${route.alias}.Source.${result.step}`,
              message: result.message,
            });
          }
          continue;
        }
        if (result.rec.ts > this.streamTime) this.streamTime = result.rec.ts;
        route.port.push(result.rec);
      }
    }
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
