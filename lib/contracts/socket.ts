/**
 * The workbench's socket.io protocol, typed once. Every payload has a zod schema in this folder;
 * both ends validate what they receive. Requests that expect an answer use socket.io acks and
 * answer with `Ack<T>`.
 */
import type { CatalogSnapshot, TopicSummary, TopicTailRequest } from './catalog';
import type {
  CompleteRequest,
  CompleteResponse,
  DiagnoseRequest,
  DiagnoseResponse,
  FormatResponse,
} from './editor';
import type { HealthSnapshot } from './health';
import type {
  QueryEndEvent,
  QueryErrorEvent,
  QueryRowsEvent,
  QueryRunRequest,
  QuerySchemaEvent,
  QueryStatusEvent,
  RunRef,
  StatementResultEvent,
} from './query';

export type Ack<T> = { ok: true; value: T } | { ok: false; code: number; message: string };

export interface ServerToClientEvents {
  'server:health': (health: HealthSnapshot) => void;
  'query:schema': (event: QuerySchemaEvent) => void;
  'query:rows': (event: QueryRowsEvent) => void;
  'query:status': (event: QueryStatusEvent) => void;
  'query:end': (event: QueryEndEvent) => void;
  'query:error': (event: QueryErrorEvent) => void;
  'statement:result': (event: StatementResultEvent) => void;
  /** The catalog changed (from any engine); fetch it again with `catalog:get`. */
  'catalog:changed': (event: { commandSequenceNumber: number }) => void;
  /** Persistent queries started, stopped, or their counters moved. */
  'queries:changed': (event: { commandSequenceNumber: number }) => void;
}

export interface ClientToServerEvents {
  /** Runs one statement. Queries answer with query:* events, other statements with statement:result. */
  'query:run': (request: QueryRunRequest) => void;
  'query:cancel': (ref: RunRef) => void;
  /** Stops delivery while keeping the stream's position (the Kafka consumer is paused). */
  'query:pause': (ref: RunRef) => void;
  'query:resume': (ref: RunRef) => void;
  /** Watch a run started by someone else (a shared run id); answers with its schema then rows. */
  'query:attach': (ref: RunRef, ack: (result: Ack<null>) => void) => void;
  'query:detach': (ref: RunRef) => void;
  'topic:tail': (request: TopicTailRequest) => void;
  'catalog:get': (ack: (result: Ack<CatalogSnapshot>) => void) => void;
  'topics:list': (ack: (result: Ack<TopicSummary[]>) => void) => void;
  'editor:diagnose': (request: DiagnoseRequest, ack: (result: Ack<DiagnoseResponse>) => void) => void;
  'editor:complete': (request: CompleteRequest, ack: (result: Ack<CompleteResponse>) => void) => void;
  'editor:format': (request: { text: string }, ack: (result: Ack<FormatResponse>) => void) => void;
}
