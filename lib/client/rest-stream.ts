import {
  RestErrorSchema,
  StreamedDataRowSchema,
  StreamedErrorSchema,
  StreamedFinalSchema,
  StreamedHeaderSchema,
  type RestError,
} from '../contracts/rest';
import { parseSchemaString, type SchemaColumn } from '../sql/schema-string';

/** One event of a streaming `/query` response, in order. */
export type QueryEvent =
  | { readonly kind: 'header'; readonly queryId: string | undefined; readonly columns: SchemaColumn[] }
  /** `raw` is the JSON text of the columns array (exact DECIMAL digits, for printing). */
  | { readonly kind: 'row'; readonly columns: unknown[]; readonly tombstone: boolean; readonly raw: string }
  | { readonly kind: 'final'; readonly message: string }
  | { readonly kind: 'error'; readonly error: RestError }
  /** PRINT output: one line of text. */
  | { readonly kind: 'text'; readonly line: string };

/** Splits a streamed body into lines as they arrive (`\r\n` or `\n`). */
export async function* bodyLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending += decoder.decode(value, { stream: true });
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        yield pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
      }
    }
    pending += decoder.decode();
    if (pending.length > 0) yield pending;
  } finally {
    reader.releaseLock();
    await body.cancel().catch(() => undefined);
  }
}

/**
 * Reads ksqlDB's `/query` output: a JSON array written one element per line (`[{header},` …
 * `{"finalMessage":…}]`, blank keep-alive lines in between), or — for PRINT — plain text lines.
 */
export async function* parseQueryStream(lines: AsyncIterable<string>): AsyncGenerator<QueryEvent> {
  let mode: 'unknown' | 'json' | 'text' = 'unknown';
  for await (const line of lines) {
    if (mode === 'text') {
      yield { kind: 'text', line };
      continue;
    }
    let text = line.trim();
    if (text.length === 0) continue;
    if (mode === 'unknown') {
      mode = text.startsWith('[') ? 'json' : 'text';
      if (mode === 'text') {
        yield { kind: 'text', line };
        continue;
      }
      text = text.slice(1);
    }
    text = text.replace(/,$/, '').replace(/\]$/, '').replace(/,$/, '').trim();
    if (text.length === 0) continue;
    const event = toEvent(text);
    if (event) yield event;
  }
}

function toEvent(text: string): QueryEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      kind: 'error',
      error: { '@type': 'generic_error', error_code: 50000, message: `Unreadable row: ${text}` },
    };
  }
  const header = StreamedHeaderSchema.safeParse(json);
  if (header.success) {
    const h = header.data.header;
    return { kind: 'header', queryId: h.queryId, columns: parseSchemaString(h.schema) };
  }
  const row = StreamedDataRowSchema.safeParse(json);
  if (row.success) {
    const raw = /"columns"\s*:\s*(\[.*\])(?:\s*,\s*"tombstone"\s*:\s*true)?\s*\}\s*\}$/.exec(text)?.[1];
    const { columns, tombstone } = row.data.row;
    return { kind: 'row', columns, tombstone: tombstone === true, raw: raw ?? JSON.stringify(columns) };
  }
  const final = StreamedFinalSchema.safeParse(json);
  if (final.success) return { kind: 'final', message: final.data.finalMessage };
  const error = StreamedErrorSchema.safeParse(json);
  if (error.success) return { kind: 'error', error: error.data.errorMessage };
  return undefined; // an element this client does not know (e.g. consistencyToken)
}

/** An error body, or a neutral one when the server answered with something else. */
export function toRestError(status: number, text: string): RestError {
  try {
    const parsed = RestErrorSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: fall through
  }
  return { '@type': 'generic_error', error_code: status * 100, message: text.trim() || `HTTP ${status}` };
}
