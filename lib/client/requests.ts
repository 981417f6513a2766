import { z } from 'zod';
import {
  CatalogSnapshotSchema,
  TopicSummarySchema,
  type CatalogSnapshot,
  type TopicSummary,
} from '../contracts/catalog';
import { CompleteResponseSchema, DiagnoseResponseSchema, FormatResponseSchema } from '../contracts/editor';
import type { CompleteResponse, DiagnoseResponse, FormatResponse } from '../contracts/editor';
import { ackSchema, type Ack } from '../contracts/socket';
import {
  RunRecordSchema,
  SavedQuerySchema,
  StatementExecuteResultSchema,
  type RunRecord,
  type SavedQuery,
  type SaveQueryRequest,
  type StatementExecuteRequest,
  type StatementExecuteResult,
} from '../contracts/workbench';
import type { EngineSocket } from './socket';

/**
 * Request/response calls to the engine over socket.io acks, each answer validated with its zod
 * schema. A timeout, a lost connection or a malformed answer all come back as an `Ack` error with
 * a code, so callers have one failure path.
 */
const TIMEOUT_MS = 15_000;

async function call<T>(
  schema: z.ZodType<Ack<T>>,
  send: (s: ReturnType<EngineSocket['timeout']>) => Promise<unknown>,
  socket: EngineSocket,
): Promise<Ack<T>> {
  if (!socket.connected) return { ok: false, code: 50302, message: 'Not connected to the engine.' };
  let answer: unknown;
  try {
    answer = await send(socket.timeout(TIMEOUT_MS));
  } catch {
    return { ok: false, code: 50000, message: 'The engine did not answer in time.' };
  }
  const parsed = schema.safeParse(answer);
  return parsed.success
    ? parsed.data
    : { ok: false, code: 50000, message: 'The engine sent an answer this workbench does not understand.' };
}

const CatalogAck = ackSchema(CatalogSnapshotSchema) as z.ZodType<Ack<CatalogSnapshot>>;
const TopicsAck = ackSchema(z.array(TopicSummarySchema)) as z.ZodType<Ack<TopicSummary[]>>;
const DiagnoseAck = ackSchema(DiagnoseResponseSchema) as z.ZodType<Ack<DiagnoseResponse>>;
const CompleteAck = ackSchema(CompleteResponseSchema) as z.ZodType<Ack<CompleteResponse>>;
const FormatAck = ackSchema(FormatResponseSchema) as z.ZodType<Ack<FormatResponse>>;
const ExecuteAck = ackSchema(StatementExecuteResultSchema) as z.ZodType<Ack<StatementExecuteResult>>;
const SavedListAck = ackSchema(z.array(SavedQuerySchema)) as z.ZodType<Ack<SavedQuery[]>>;
const SavedAck = ackSchema(SavedQuerySchema) as z.ZodType<Ack<SavedQuery>>;
const BoolAck = ackSchema(z.boolean()) as z.ZodType<Ack<boolean>>;
const HistoryAck = ackSchema(z.array(RunRecordSchema)) as z.ZodType<Ack<RunRecord[]>>;

export const engineRequests = {
  catalog: (s: EngineSocket) => call(CatalogAck, (t) => t.emitWithAck('catalog:get'), s),
  topics: (s: EngineSocket) => call(TopicsAck, (t) => t.emitWithAck('topics:list'), s),
  diagnose: (s: EngineSocket, text: string, variables: Record<string, string> = {}) =>
    call(DiagnoseAck, (t) => t.emitWithAck('editor:diagnose', { text, variables }), s),
  complete: (s: EngineSocket, text: string, offset: number) =>
    call(CompleteAck, (t) => t.emitWithAck('editor:complete', { text, offset }), s),
  format: (s: EngineSocket, text: string) =>
    call(FormatAck, (t) => t.emitWithAck('editor:format', { text }), s),
  execute: (s: EngineSocket, request: StatementExecuteRequest) =>
    call(ExecuteAck, (t) => t.emitWithAck('statement:execute', request), s),
  savedList: (s: EngineSocket, search?: string) =>
    call(SavedListAck, (t) => t.emitWithAck('saved:list', search ? { search } : {}), s),
  save: (s: EngineSocket, request: SaveQueryRequest) =>
    call(SavedAck, (t) => t.emitWithAck('saved:save', request), s),
  rename: (s: EngineSocket, id: string, name: string) =>
    call(SavedAck, (t) => t.emitWithAck('saved:rename', { id, name }), s),
  remove: (s: EngineSocket, id: string) => call(BoolAck, (t) => t.emitWithAck('saved:delete', { id }), s),
  history: (s: EngineSocket, limit = 100) =>
    call(HistoryAck, (t) => t.emitWithAck('history:list', { limit }), s),
};
