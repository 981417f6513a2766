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
import { z } from 'zod';
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
import type {
  HistoryRequest,
  IdRef,
  RenameQueryRequest,
  RunRecord,
  SavedQuery,
  SaveQueryRequest,
  SearchRequest,
  StatementExecuteRequest,
  StatementExecuteResult,
} from './workbench';

export type Ack<T> = { ok: true; value: T } | { ok: false; code: number; message: string };

/** The schema of an `Ack<T>`, for validating answers in the browser. */
export function ackSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), code: z.number().int(), message: z.string() }),
  ]);
}

export interface ServerToClientEvents {
  'server:health': (health: HealthSnapshot) => void;
  'query:schema': (event: QuerySchemaEvent) => void;
  /**
   * A batch of rows. The browser acks each batch once it has taken it: the engine keeps only a few
   * batches in flight per viewer and buffers (boundedly) behind them, so a slow viewer is detected
   * and its drops are counted in query:status instead of growing the engine's memory.
   */
  'query:rows': (event: QueryRowsEvent, ack: () => void) => void;
  'query:status': (event: QueryStatusEvent) => void;
  'query:end': (event: QueryEndEvent) => void;
  'query:error': (event: QueryErrorEvent) => void;
  'statement:result': (event: StatementResultEvent) => void;
  /** The catalog changed (from any engine); fetch it again with `catalog:get`. */
  'catalog:changed': (event: { commandSequenceNumber: number }) => void;
  /** Persistent queries started, stopped, or their counters moved. */
  'queries:changed': (event: { commandSequenceNumber: number }) => void;
  /** Saved queries were added, renamed or deleted (by any browser). */
  'saved:changed': () => void;
  /** A run was recorded in (or finished in) the history. */
  'history:changed': () => void;
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
  /** Runs statements for their entities only (DESCRIBE, EXPLAIN, TERMINATE, INSERT VALUES…). */
  'statement:execute': (
    request: StatementExecuteRequest,
    ack: (result: Ack<StatementExecuteResult>) => void,
  ) => void;
  'saved:list': (request: SearchRequest, ack: (result: Ack<SavedQuery[]>) => void) => void;
  'saved:save': (request: SaveQueryRequest, ack: (result: Ack<SavedQuery>) => void) => void;
  'saved:rename': (request: RenameQueryRequest, ack: (result: Ack<SavedQuery>) => void) => void;
  'saved:delete': (request: IdRef, ack: (result: Ack<boolean>) => void) => void;
  'history:list': (request: HistoryRequest, ack: (result: Ack<RunRecord[]>) => void) => void;
}
