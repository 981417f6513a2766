import { KsqlRestClient, type RestCredentials } from '../lib/client/rest-client';
import type { KsqlEntityDto } from '../lib/contracts/rest';
import type { OutputFormat } from './args';

/** Where the CLI writes; a terminal in the product, a buffer in tests. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Terminal width when writing to a terminal. */
  readonly columns?: number;
  /** True when a person is typing (prompts, banners and hints make sense). */
  readonly interactive: boolean;
}

/**
 * The CLI's session, as the ksql CLI keeps it: the server, SET properties and DEFINE variables
 * (sent with every request as streamsProperties / sessionVariables), the output format, and the
 * highest command sequence number seen (sent so the server applies earlier commands first).
 */
export class CliSession {
  client: KsqlRestClient;
  readonly properties: Record<string, string> = {};
  readonly variables: Record<string, string>;
  commandSequenceNumber = -1;

  constructor(
    public url: string,
    public output: OutputFormat,
    variables: Readonly<Record<string, string>>,
    private readonly credentials?: RestCredentials,
  ) {
    this.variables = { ...variables };
    this.client = this.connect(url);
  }

  connect(url: string): KsqlRestClient {
    this.url = url;
    this.client = new KsqlRestClient({
      baseUrl: url,
      ...(this.credentials ? { credentials: this.credentials } : {}),
    });
    this.commandSequenceNumber = -1; // sequence numbers belong to one cluster's command topic
    return this.client;
  }

  /** Request options carrying the session state. */
  requestOptions(signal?: AbortSignal): {
    properties: Record<string, string>;
    variables: Record<string, string>;
    commandSequenceNumber?: number;
    signal?: AbortSignal;
  } {
    return {
      properties: { ...this.properties },
      variables: { ...this.variables },
      ...(this.commandSequenceNumber >= 0 ? { commandSequenceNumber: this.commandSequenceNumber } : {}),
      ...(signal ? { signal } : {}),
    };
  }

  /** Remembers the highest commandSequenceNumber of the entities. */
  observe(entities: readonly KsqlEntityDto[]): void {
    for (const e of entities) {
      const seq = e.commandSequenceNumber;
      if (typeof seq === 'number' && seq > this.commandSequenceNumber) this.commandSequenceNumber = seq;
    }
  }
}
