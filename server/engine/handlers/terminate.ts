import { bindError } from '../../bind/bind-error';
import type { PauseStmt, ResumeStmt, TerminateStmt } from '../../sql/ast';
import type { KsqlEntity } from '../entities';
import type { Prepared, StatementContext } from '../statement-context';

/**
 * TERMINATE | PAUSE | RESUME id | ALL. Persistent queries go through the command topic; TERMINATE
 * of a transient query (push, pull, PRINT) on this engine closes it here, as ksqlDB does.
 */
export function prepareTerminate(
  stmt: TerminateStmt | PauseStmt | ResumeStmt,
  ctx: StatementContext,
): Prepared {
  const type = stmt.kind === 'TerminateStmt' ? 'terminate' : stmt.kind === 'PauseStmt' ? 'pause' : 'resume';
  if (stmt.all || !stmt.queryId) {
    return { kind: 'command', command: { type, queryIds: ctx.catalog.queries().map((q) => q.id) } };
  }
  const id = stmt.queryId.name.toUpperCase();
  const query = ctx.catalog.query(id) ?? ctx.catalog.queries().find((q) => q.id.toUpperCase() === id);
  if (query) return { kind: 'command', command: { type, queryIds: [query.id] } };
  const transient = ctx.services.transient?.list().find((h) => h.id.toUpperCase() === id);
  if (transient && type === 'terminate') {
    return {
      kind: 'local',
      run: async (): Promise<KsqlEntity> => {
        if (!ctx.sandbox) await ctx.services.transient?.close(transient.id);
        return {
          '@type': 'terminate_query',
          statementText: stmt.text,
          warnings: [],
          queryId: transient.id,
          wasTerminated: true,
        };
      },
    };
  }
  throw bindError(`Unknown queryId: ${stmt.queryId.text}`, stmt.queryId.span);
}
