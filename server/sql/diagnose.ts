import type { Diagnostic } from '../../lib/contracts/diagnostics';
import type { Span } from '../../lib/contracts/span';
import type { SelectStmt } from './ast';
import type { CompletionCatalog } from './completion-catalog';
import { parseScript } from './script';

export type DiagnosticFix = NonNullable<Diagnostic['fixes']>[number];

/**
 * Every syntax problem in a script (code 40001), in order. Semantic checks belong to the binder,
 * which appends its own diagnostics; the catalog contributes session variables for substitution.
 */
export function diagnose(text: string, catalog?: Pick<CompletionCatalog, 'variables'>): Diagnostic[] {
  const variables = catalog?.variables;
  return [...parseScript(text, variables ? { variables } : {}).diagnostics];
}

/**
 * A fix that turns a pull query into a push query by inserting ` EMIT CHANGES` where the grammar
 * wants it (after HAVING/PARTITION BY/GROUP BY/WHERE/WINDOW/joins/FROM, before ORDER BY and LIMIT).
 * Undefined when the query already has an EMIT clause. Offsets are those of the query's spans.
 */
export function suggestEmitChangesFix(q: SelectStmt): DiagnosticFix | undefined {
  if (q.emit !== undefined) return undefined;
  const lastJoin = q.joins[q.joins.length - 1];
  const anchor: Span = (q.having ?? q.partitionBy ?? q.groupBy ?? q.where ?? q.window ?? lastJoin ?? q.from)
    .span;
  const at: Span = {
    start: anchor.end,
    end: anchor.end,
    startLine: anchor.endLine,
    startColumn: anchor.endColumn,
    endLine: anchor.endLine,
    endColumn: anchor.endColumn,
  };
  return { title: 'Add EMIT CHANGES (make it a push query)', edits: [{ span: at, text: ' EMIT CHANGES' }] };
}
