/**
 * Small REST clients for the reliability suite: statements through /ksql, pull queries, and push
 * queries read line by line from /query-stream over HTTP/1.1 (the delimited format).
 */
import http from 'node:http';

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function post(
  url: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  return { status: res.status, text, json: parse(text) };
}

/** Runs statements; throws with the engine's answer unless it is a 200. */
export async function ksql(
  url: string,
  sql: string,
  properties: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<unknown[]> {
  const answer = await post(url, '/ksql', { ksql: sql, streamsProperties: properties }, headers);
  if (answer.status !== 200) throw new Error(`/ksql answered ${answer.status}: ${answer.text}`);
  return answer.json as unknown[];
}

/** A pull query's rows (arrays of column values), through /query-stream as one JSON array. */
export async function pullRows(url: string, sql: string): Promise<unknown[][]> {
  const res = await fetch(`${url}/query-stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ sql, properties: {} }),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`pull query answered ${res.status}: ${text}`);
  const [, ...rows] = JSON.parse(text) as unknown[];
  return rows.filter((r): r is unknown[] => Array.isArray(r));
}

export interface PushStream {
  /** Rows received so far (JSON arrays of column values). */
  readonly rows: unknown[][];
  /** Inline error objects and anything that was not a row. */
  readonly other: unknown[];
  readonly status: Promise<number>;
  readonly ended: Promise<void>;
  close(): void;
}

/** Starts a push query on /query-stream over HTTP/1.1 and collects its rows as they arrive. */
export function pushQuery(url: string, sql: string, properties: Record<string, string> = {}): PushStream {
  const rows: unknown[][] = [];
  const other: unknown[] = [];
  let resolveStatus: (status: number) => void = () => {};
  const status = new Promise<number>((r) => (resolveStatus = r));
  let resolveEnded: () => void = () => {};
  const ended = new Promise<void>((r) => (resolveEnded = r));
  const req = http.request(`${url}/query-stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/vnd.ksqlapi.delimited.v1' },
    agent: false,
  });
  req.on('response', (res) => {
    resolveStatus(res.statusCode ?? 0);
    let buffered = '';
    let first = true;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (line.length === 0) continue;
        const value = parse(line);
        if (first)
          first = false; // the metadata line
        else if (Array.isArray(value)) rows.push(value);
        else other.push(value ?? line);
      }
    });
    res.on('end', resolveEnded);
    res.on('error', resolveEnded);
    res.on('close', resolveEnded);
  });
  req.on('error', (error) => {
    other.push(String(error));
    resolveStatus(0);
    resolveEnded();
  });
  req.end(JSON.stringify({ sql, properties }));
  return { rows, other, status, ended, close: () => req.destroy() };
}

/** Polls until `check` holds; returns the milliseconds it took. `state` explains a time-out. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  state: () => string = () => '',
): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} ${state()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}
