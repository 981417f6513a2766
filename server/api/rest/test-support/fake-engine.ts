import type { Diagnostic } from '../../../../lib/contracts/diagnostics';
import { ErrorCodes } from '../../../../lib/contracts/errors';
import type { HealthSnapshot } from '../../../../lib/contracts/health';
import type { CatalogView } from '../../../bind/catalog-view';
import type { InsertResult, QueryOptions } from '../../../engine/engine-api';
import type { RestEngine } from '../rest-context';
import type { KsqlEntity } from '../../../engine/entities';
import type { ExecuteOptions } from '../../../engine/engine';
import type { HealthSource } from '../../../engine/health';
import type { ResultColumn } from '../../../engine/queries/query-handle';
import { KappaError } from '../../../errors/kappa-error';
import type { DataSource } from '../../../types/data-source';
import { BIGINT, STRING, decimal } from '../../../types/sql-type';
import { FakeQuery } from './fake-query';

export const FAKE_HEALTH: HealthSnapshot = {
  version: '0.1.0',
  serviceId: 'default_',
  serverStatus: 'RUNNING',
  kafka: { connected: true, bootstrapServers: '127.0.0.1:9092', clusterId: 'cluster-1', checkedAt: 0 },
};

export const fakeHealth: HealthSource = { snapshot: () => FAKE_HEALTH, onChange: () => () => {} };

/** Columns of every fake query: `ID STRING KEY, AMOUNT DECIMAL(4,2), N BIGINT`. */
export const FAKE_COLUMNS: readonly ResultColumn[] = [
  { name: 'ID', type: STRING, key: true },
  { name: 'AMOUNT', type: decimal(4, 2), key: false },
  { name: 'N', type: BIGINT, key: false },
];

function span(text: string, start: number, end: number): Diagnostic['span'] {
  const before = text.slice(0, start).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return { start, end, startLine: line, startColumn: column, endLine: line, endColumn: column + end - start };
}

/**
 * An in-memory EngineApi for REST unit tests, driven by statement text:
 * `CREATE …` succeeds, `SHOW STREAMS` lists S, `SELECT` is refused with 40002, `BAD …` fails to
 * parse (40001 with a span), `FAIL` fails after the statements before it ran; queries: `PRINT …`,
 * `… EMIT CHANGES` (push, scripted by the test through `lastQuery`), anything else a pull query
 * returning two rows. Never used by product code.
 */
export class FakeEngine implements RestEngine {
  readonly health = fakeHealth;
  readonly queries: FakeQuery[] = [];
  readonly executed: { sql: string; options: ExecuteOptions | undefined }[] = [];
  readonly queryOptions: (QueryOptions | undefined)[] = [];
  readonly inserted: { target: string; row: Readonly<Record<string, unknown>> }[] = [];
  private nextId = 1;

  get lastQuery(): FakeQuery {
    const q = this.queries.at(-1);
    if (!q) throw new Error('no query yet');
    return q;
  }

  async execute(sql: string, options?: ExecuteOptions): Promise<KsqlEntity[]> {
    this.executed.push({ sql, options });
    const statements = sql
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const bad = statements.find((s) => s.startsWith('BAD'));
    if (bad !== undefined) {
      const at = sql.indexOf(bad);
      throw new KappaError(ErrorCodes.BAD_STATEMENT, "line 1:1: Syntax error at or near 'BAD'", {
        statementText: bad,
        diagnostics: [{ severity: 'error', message: 'Syntax error', span: span(sql, at, at + 3) }],
      });
    }
    const entities: KsqlEntity[] = [];
    for (const [i, text] of statements.entries()) {
      if (/^(SELECT|PRINT)/i.test(text)) {
        throw new KappaError(
          ErrorCodes.QUERY_ENDPOINT,
          "The following statement types should be issued to the websocket endpoint '/query'",
          { statementText: text, entities },
        );
      }
      if (text === 'FAIL') {
        throw new KappaError(ErrorCodes.BAD_STATEMENT, 'It failed', {
          statementText: text,
          entities: [...entities],
        });
      }
      if (/^SHOW STREAMS/i.test(text)) {
        entities.push({
          '@type': 'streams',
          statementText: `${text};`,
          warnings: [],
          streams: [
            {
              type: 'STREAM',
              name: 'S',
              topic: 's',
              keyFormat: 'KAFKA',
              valueFormat: 'JSON',
              isWindowed: false,
            },
          ],
        });
      } else {
        entities.push({
          '@type': 'currentStatus',
          statementText: `${text};`,
          commandId: `stream/\`S${i}\`/create`,
          commandStatus: { status: 'SUCCESS', message: 'Stream created', queryId: null },
          commandSequenceNumber: i + 1,
          warnings: [],
        });
      }
    }
    return entities;
  }

  async query(sql: string, options?: QueryOptions): Promise<FakeQuery> {
    this.queryOptions.push(options);
    if (sql.startsWith('BAD')) {
      throw new KappaError(ErrorCodes.BAD_STATEMENT, 'Syntax error', { statementText: sql });
    }
    const id = `transient_S_${this.nextId++}`;
    let q: FakeQuery;
    if (/^PRINT/i.test(sql)) {
      q = new FakeQuery(id, 'print', [{ name: 'LINE', type: STRING, key: false }], sql);
    } else if (/EMIT CHANGES/i.test(sql)) {
      q = new FakeQuery(id, 'push', FAKE_COLUMNS, sql, /FROM T/i.test(sql) ? 'upsert' : 'append');
    } else {
      const rows = [{ values: ['a', '1.10', 1n] }, { values: ['b', null, 2n] }];
      q = new FakeQuery(id, 'pull', FAKE_COLUMNS, sql, 'upsert', rows, { reason: 'completed' });
    }
    this.queries.push(q);
    return q;
  }

  async closeQuery(queryId: string): Promise<boolean> {
    const q = this.queries.find((x) => x.id === queryId && !x.ended);
    if (!q) return false;
    await q.close();
    return true;
  }

  transientQueries(): readonly FakeQuery[] {
    return this.queries.filter((q) => !q.ended);
  }

  async insertRow(target: string, row: Readonly<Record<string, unknown>>): Promise<InsertResult> {
    if ('FAIL' in row) return { ok: false, code: 40000, message: 'Bad row' };
    this.inserted.push({ target, row });
    return { ok: true };
  }

  catalog(): CatalogView {
    const sources: DataSource[] = [
      { name: 'S', kind: 'STREAM', window: undefined },
      { name: 'W', kind: 'TABLE', window: { type: 'TUMBLING', sizeMs: 1000 } },
    ] as unknown as DataSource[];
    return {
      source: (name: string) => sources.find((s) => s.name === name),
      sources: () => sources,
      type: () => undefined,
      types: () => new Map(),
      query: () => undefined,
      queries: () => [],
      readersOf: () => [],
      writersOf: () => [],
      nextQueryNumber: 1,
      lastOffset: 0,
    };
  }

  commandStatuses(): ReadonlyMap<string, { status: string; message: string; queryId: string | null }> {
    return new Map([['stream/`S`/create', { status: 'SUCCESS', message: 'Stream created', queryId: null }]]);
  }
}
