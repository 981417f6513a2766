import type {
  QueryEndEvent,
  QueryErrorEvent,
  QueryRowsEvent,
  QuerySchemaEvent,
  QueryStatusEvent,
  StatementResultEvent,
} from '../../../../lib/contracts/query';
import type { TestClient } from './harness';

/** Everything one client hears about runs, in order. */
export function record(client: TestClient, options: { ack?: boolean } = {}) {
  const seen = {
    schema: [] as QuerySchemaEvent[],
    rows: [] as QueryRowsEvent[],
    status: [] as QueryStatusEvent[],
    end: [] as QueryEndEvent[],
    error: [] as QueryErrorEvent[],
    results: [] as StatementResultEvent[],
    pendingAcks: [] as (() => void)[],
    get rowCount() {
      return this.rows.reduce((n, b) => n + b.rows.length, 0);
    },
  };
  client.on('query:schema', (e) => seen.schema.push(e));
  client.on('query:rows', (e, ack) => {
    seen.rows.push(e);
    if (options.ack === false) seen.pendingAcks.push(ack);
    else ack();
  });
  client.on('query:status', (e) => seen.status.push(e));
  client.on('query:end', (e) => seen.end.push(e));
  client.on('query:error', (e) => seen.error.push(e));
  client.on('statement:result', (e) => seen.results.push(e));
  return seen;
}

export const row = (i: number) => ({ values: [i, `item-${i}`] });
