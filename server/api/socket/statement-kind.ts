import type { Diagnostic } from '../../../lib/contracts/diagnostics';
import { parseStatement } from '../../sql';

export type StatementRoute =
  | { readonly kind: 'query'; readonly queryKind: 'push' | 'pull' | 'print' }
  | { readonly kind: 'statement' }
  | { readonly kind: 'invalid'; readonly diagnostics: readonly Diagnostic[] };

/**
 * Decides how a statement is served: SELECT and PRINT stream through `EngineApi.query`, anything
 * else runs through `EngineApi.execute`. A statement that does not parse is answered with the
 * parser's diagnostics (spans relative to the statement text the browser sent).
 */
export function routeStatement(sql: string, variables: Readonly<Record<string, string>>): StatementRoute {
  const { statement, diagnostics } = parseStatement(sql, { variables: { ...variables } });
  if (diagnostics.some((d) => d.severity === 'error') || statement === undefined)
    return { kind: 'invalid', diagnostics };
  if (statement.kind === 'PrintStmt') return { kind: 'query', queryKind: 'print' };
  if (statement.kind === 'SelectStmt') return { kind: 'query', queryKind: statement.emit ? 'push' : 'pull' };
  return { kind: 'statement' };
}
