import { ErrorCodes } from '../../lib/contracts/errors';
import { apply } from '../catalog/apply';
import type { Catalog } from '../catalog/catalog';
import { COMMAND_VERSION, commandId } from '../catalog/command-schema';
import { KappaError, toKappaError } from '../errors/kappa-error';
import { parseScript } from '../sql';
import type { Statement } from '../sql/ast';
import type { CatalogState } from './catalog-state';
import { prepareStatement } from './dispatch';
import { currentStatus, type KsqlEntity } from './entities';
import { degradedMessage } from './degraded';
import type { CommandWrite } from './services';
import type {
  EngineOptions,
  EngineServices,
  Prepared,
  PreparedCommand,
  StatementContext,
} from './statement-context';
import type { Session } from './session';

export interface ExecuteOptions {
  readonly properties?: Readonly<Record<string, string>>;
  readonly variables?: Readonly<Record<string, string>>;
  /** Wait until this command offset is applied here before running (read-your-writes). */
  readonly commandSequenceNumber?: number;
  readonly commandTimeoutMs?: number;
}

/**
 * Runs scripts of non-query statements as ksqlDB's /ksql does: parse all, validate all against a
 * sandbox copy of the catalog (nothing runs if any is invalid), then run them in order —
 * distributed statements through the command log, the rest locally.
 */
export class StatementExecutor {
  constructor(
    private readonly state: CatalogState,
    private readonly services: EngineServices,
    private readonly options: EngineOptions,
  ) {}

  parse(sql: string, variables: Readonly<Record<string, string>> = {}): Statement[] {
    const { statements, diagnostics } = parseScript(sql, { variables: { ...variables } });
    const first = diagnostics.find((d) => d.severity === 'error');
    if (first) {
      throw new KappaError(ErrorCodes.BAD_STATEMENT, first.message, {
        diagnostics,
        statementText: sql.trim(),
      });
    }
    return [...statements];
  }

  async execute(sql: string, options: ExecuteOptions = {}): Promise<KsqlEntity[]> {
    if (options.commandSequenceNumber !== undefined) {
      await this.state.waitFor(options.commandSequenceNumber, options.commandTimeoutMs ?? 5000).catch(() => {
        throw new KappaError(
          ErrorCodes.COMMAND_QUEUE_CATCHUP_TIMEOUT,
          'Timed out while waiting for a previous command to execute. command sequence number: ' +
            options.commandSequenceNumber,
        );
      });
    }
    const statements = this.parse(sql, options.variables);
    const initial: Session = { properties: { ...options.properties }, variables: { ...options.variables } };
    await this.validateAll(statements, initial);
    return this.runAll(statements, initial, options.commandTimeoutMs ?? 5000);
  }

  /** Validates each statement against the catalog as the previous ones would leave it. */
  private async validateAll(statements: readonly Statement[], initial: Session): Promise<void> {
    let sandbox: Catalog = this.state.catalog();
    let session = initial;
    let offset = sandbox.lastOffset;
    for (const stmt of statements) {
      try {
        const prepared = await prepareStatement(stmt, this.context(sandbox, session, true));
        if (prepared.kind === 'command' && !prepared.skip)
          sandbox = apply(sandbox, prepared.command, ++offset);
        if (prepared.kind === 'local' && prepared.nextSession) session = prepared.nextSession;
      } catch (error) {
        throw withStatement(error, stmt.text, []);
      }
    }
  }

  private async runAll(
    statements: readonly Statement[],
    initial: Session,
    timeoutMs: number,
  ): Promise<KsqlEntity[]> {
    const entities: KsqlEntity[] = [];
    let session = initial;
    for (const stmt of statements) {
      try {
        const prepared = await prepareStatement(stmt, this.context(this.state.catalog(), session, false));
        const entity = await this.run(stmt, prepared, session, timeoutMs);
        if (prepared.kind === 'local' && prepared.nextSession) session = prepared.nextSession;
        if (entity) entities.push(entity);
      } catch (error) {
        throw withStatement(error, stmt.text, entities);
      }
    }
    return entities;
  }

  private async run(
    stmt: Statement,
    prepared: Prepared,
    session: Session,
    timeoutMs: number,
  ): Promise<KsqlEntity | null> {
    if (prepared.kind === 'local') return prepared.run();
    if (prepared.skip) return prepared.skip;
    const degraded = this.state.degraded;
    if (degraded) throw new KappaError(ErrorCodes.SERVER_ERROR, degradedMessage(degraded));
    await prepared.beforeAppend?.();
    const write = (p: PreparedCommand): CommandWrite => ({
      key: commandId(p.command),
      record: {
        version: COMMAND_VERSION,
        statement: stmt.text,
        properties: { ...session.properties },
        command: p.command,
      },
    });
    let final: PreparedCommand = prepared;
    let offset: number | undefined;
    const log = this.services.commands;
    if (log.appendLatest) {
      // Validated again under the write lock, against the catalog with every command before it.
      offset = await log.appendLatest(async () => {
        const latest = await prepareStatement(stmt, this.context(this.state.catalog(), session, false));
        if (latest.kind === 'local') throw new KappaError(ErrorCodes.SERVER_ERROR, 'statement changed kind');
        final = latest;
        return latest.skip ? undefined : write(latest);
      });
    } else {
      const w = write(prepared);
      offset = await log.append(w.key, w.record);
    }
    if (final.skip) return final.skip;
    if (offset === undefined) throw new KappaError(ErrorCodes.SERVER_ERROR, 'The command was not written.');
    const key = commandId(final.command);
    await this.state.waitFor(offset, timeoutMs).catch(() => undefined);
    await final.afterApply?.();
    const status = this.state.statuses.get(key);
    if (status?.status === 'ERROR') throw new KappaError(ErrorCodes.SERVER_ERROR, status.message);
    if (!status) {
      // Written, but not applied here within the timeout: ksqlDB answers with the last status.
      return currentStatus(stmt.text, key, 'Command queued', offset, null, 'QUEUED');
    }
    return currentStatus(stmt.text, key, status.message, offset, status.queryId);
  }

  context(catalog: Catalog, session: Session, sandbox: boolean): StatementContext {
    return {
      catalog,
      session,
      services: this.services,
      options: this.options,
      sandbox,
      types: (n) => catalog.type(n),
    };
  }
}

function withStatement(error: unknown, statementText: string, entities: readonly unknown[]): KappaError {
  const e = toKappaError(error);
  if (e.code === ErrorCodes.SERVER_ERROR && !(error instanceof KappaError)) {
    return new KappaError(ErrorCodes.SERVER_ERROR, e.message, { statementText, entities, cause: error });
  }
  return new KappaError(e.code, e.message, { ...e.options, statementText, entities });
}
