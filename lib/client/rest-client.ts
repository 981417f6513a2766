/**
 * A typed client for Kappa's (and ksqlDB's) REST API over fetch, so it runs in Node, browsers and
 * the CLI alike (HTTP/1.1). Responses are validated with the zod schemas of lib/contracts/rest.
 */
import {
  CommandStatusSchema,
  CommandStatusesSchema,
  KsqlEntityListSchema,
  ServerInfoSchema,
  type KsqlEntityDto,
  type RestError,
  type ServerInfo,
} from '../contracts/rest';
import { bodyLines, parseQueryStream, toRestError, type QueryEvent } from './rest-stream';

export type { QueryEvent } from './rest-stream';

export type RestCredentials =
  { readonly user: string; readonly password: string } | { readonly apiKey: string };

export interface RestClientOptions {
  /** e.g. http://localhost:8088 */
  readonly baseUrl: string;
  readonly credentials?: RestCredentials;
  readonly fetch?: typeof fetch;
}

export interface StatementOptions {
  readonly properties?: Readonly<Record<string, string>>;
  readonly variables?: Readonly<Record<string, string>>;
  /** The highest command sequence number seen, so the server applies it first. */
  readonly commandSequenceNumber?: number;
  readonly signal?: AbortSignal;
}

/** A failed request: HTTP status and ksqlDB's error body (with Kappa's diagnostics when given). */
export class RestClientError extends Error {
  override readonly name = 'RestClientError';
  constructor(
    readonly status: number,
    readonly body: RestError,
  ) {
    super(body.message);
  }
}

export class KsqlRestClient {
  readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: RestClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async info(signal?: AbortSignal): Promise<ServerInfo> {
    return ServerInfoSchema.parse(await this.json('GET', '/info', undefined, signal));
  }

  /** POST /ksql: runs non-query statements; throws RestClientError on any failure. */
  async ksql(sql: string, options: StatementOptions = {}): Promise<KsqlEntityDto[]> {
    const body = await this.json('POST', '/ksql', this.ksqlRequest(sql, options), options.signal);
    return KsqlEntityListSchema.parse(body);
  }

  /**
   * POST /query: a push, pull or PRINT query as a stream of events. Aborting the signal (or
   * stopping the iteration) disconnects, which ends the query on the server.
   */
  async *query(sql: string, options: StatementOptions = {}): AsyncGenerator<QueryEvent> {
    const res = await this.send('POST', '/query', this.ksqlRequest(sql, options), options.signal, {
      accept: 'application/vnd.ksql.v1+json',
    });
    if (!res.body) return;
    yield* parseQueryStream(bodyLines(res.body));
  }

  /** POST /close-query. */
  async closeQuery(queryId: string): Promise<void> {
    await this.send('POST', '/close-query', { queryId });
  }

  async commandStatuses(): Promise<Record<string, string>> {
    return CommandStatusesSchema.parse(await this.json('GET', '/status')).commandStatuses;
  }

  async commandStatus(commandId: string): Promise<{ status: string; message: string }> {
    const path = commandId.split('/').map(encodeURIComponent).join('/');
    return CommandStatusSchema.parse(await this.json('GET', `/status/${path}`));
  }

  async isValidProperty(name: string): Promise<boolean> {
    try {
      return (await this.json('GET', `/is_valid_property/${encodeURIComponent(name)}`)) === true;
    } catch (error) {
      if (error instanceof RestClientError && error.status === 400) return false;
      throw error;
    }
  }

  private ksqlRequest(sql: string, options: StatementOptions): Record<string, unknown> {
    return {
      ksql: sql,
      streamsProperties: options.properties ?? {},
      sessionVariables: options.variables ?? {},
      ...(options.commandSequenceNumber !== undefined && options.commandSequenceNumber >= 0
        ? { commandSequenceNumber: options.commandSequenceNumber }
        : {}),
    };
  }

  private async json(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<unknown> {
    const res = await this.send(method, path, body, signal);
    return (await res.json()) as unknown;
  }

  private async send(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const credentials = this.options.credentials;
    if (credentials && 'apiKey' in credentials) headers.authorization = `Bearer ${credentials.apiKey}`;
    else if (credentials)
      headers.authorization = `Basic ${base64(`${credentials.user}:${credentials.password}`)}`;
    const res = await this.fetchImpl(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
    if (!res.ok) throw new RestClientError(res.status, toRestError(res.status, await res.text()));
    return res;
  }
}

/** UTF-8 safe base64 without Node's Buffer (this runs in browsers too). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
