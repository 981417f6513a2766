import { bindError } from '../../bind/bind-error';
import type { PauseStmt, ResumeStmt, TerminateStmt } from '../../sql/ast';
import type { Prepared, StatementContext } from '../statement-context';

/** TERMINATE id | ALL (persistent queries go through the command topic). */
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
  if (!query) throw bindError(`Unknown queryId: ${stmt.queryId.text}`, stmt.queryId.span);
  return { kind: 'command', command: { type, queryIds: [query.id] } };
}
