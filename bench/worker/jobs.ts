/** The jobs a measured child process can run (passed as JSON in argv[2]). */
import type { QueryId } from '../workloads/sql';

export interface KafkaJobBase {
  readonly bootstrapServers: string;
  /** Input topic → records expected (the whole pre-loaded topic). */
  readonly inputs: Readonly<Record<string, number>>;
  readonly output: string;
  readonly partitions: number;
}

export type KafkajsBaseline = 'b1' | 'b2' | 'b3' | 'b4-tumbling' | 'b4-hopping';
/** B1 and B3 on librdkafka (bench/rdkafka), when that optional client is installed. */
export type RdkafkaBaseline = 'b1-rdkafka' | 'b3-rdkafka';
export type BaselineKind = KafkajsBaseline | RdkafkaBaseline;

export type Job =
  | (KafkaJobBase & { readonly kind: 'baseline'; readonly baseline: BaselineKind })
  | (KafkaJobBase & {
      readonly kind: 'engine';
      readonly query: QueryId;
      readonly sources: {
        readonly person: string;
        readonly auction: string;
        readonly bid: string;
        readonly side: string;
      };
      readonly serviceId: string;
      /** Keep running and report only when asked (fixed-load latency runs); else stop at the input's end. */
      readonly open?: boolean;
    })
  | {
      /** The engine with its socket.io API (createApiServer + the workbench's socket features). */
      readonly kind: 'stack';
      readonly bootstrapServers: string;
      readonly serviceId: string;
      /** Statements run once the engine is up (the sources the viewers query). */
      readonly setup: string;
      readonly port?: number;
      /** Origins allowed to open socket.io over HTTP polling (the workbench's dev server). */
      readonly corsOrigins?: readonly string[];
    }
  | {
      readonly kind: 'inproc';
      readonly query: QueryId;
      readonly events: number;
      readonly seed: number;
      readonly eventsPerSecond: number;
      readonly repetitions: number;
    };

export function parseJob(text: string | undefined): Job {
  if (!text) throw new Error('usage: worker <job JSON>');
  return JSON.parse(text) as Job;
}
