import { bindError } from '../bind/bind-error';
import { formatExpression } from '../sql';
import type { Expression } from '../sql/ast';
import { quoteName } from '../types/logical-schema';
import { formatType } from '../types/sql-type';
import { SYSTEM_COLUMN_NAMES, type PlanColumn } from './plan-schema';
import type { SelectEntry } from './select-items';

/** `A`, `A and B`, `A, B and C`. */
function andList(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]!}`;
}

/**
 * A persistent query must project its key. ksqlDB names what is missing: the grouping expressions
 * that are not projected, or every partitioning expression, or every key column of the source.
 */
export function missingKeyMessage(
  sink: string,
  missing: { readonly groupExpressions?: readonly Expression[]; readonly keyColumns?: readonly string[] },
): string {
  if (missing.groupExpressions) {
    const exprs = missing.groupExpressions.map((e) => formatExpression(e));
    const what = exprs.length === 1 ? 'grouping expression' : 'grouping expressions';
    return `The query used to build \`${sink}\` must include the ${what} ${andList(exprs)} in its projection (eg, SELECT ${exprs.join(', ')}...).`;
  }
  const names = missing.keyColumns ?? [];
  const what = names.length === 1 ? 'key column' : 'key columns';
  return `The query used to build \`${sink}\` must include the ${what} ${andList(names)} in its projection (eg, SELECT ${names.join(', ')}...).`;
}

/**
 * A key column projected under several names would have to be both the key and a value column;
 * ksqlDB rejects it. `aliases` are the output names of the items projecting one key column.
 */
export function checkKeyProjectedOnce(key: string, aliases: readonly string[], aggregated: boolean): void {
  if (aliases.length < 2) return;
  const sorted = [...aliases].sort();
  throw bindError(
    aggregated
      ? `The projection contains a key column more than once: ${andList(sorted.map(quoteName))}.`
      : `The projection contains a key column (${quoteName(key)}) more than once, aliased as: ${andList(sorted)}.`,
  );
}

/** Output column names are unique across key and value columns. */
export function checkUniqueColumnNames(columns: readonly PlanColumn[]): void {
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name)) {
      const which = c.role === 'key' ? 'key' : 'value';
      throw bindError(
        `Duplicate ${which} columns found in schema: ${quoteName(c.name)} ${formatType(c.type)}`,
      );
    }
    seen.add(c.name);
  }
}

/**
 * A sink cannot store ROWTIME, ROWPARTITION, ROWOFFSET, WINDOWSTART or WINDOWEND under their own
 * names: they are the sink's own system columns. Checked before anything else about the query.
 */
export function checkSystemColumnsAliased(entries: readonly SelectEntry[]): void {
  for (const e of entries) {
    if (e.inputIndex === undefined && !e.aliased && SYSTEM_COLUMN_NAMES.includes(e.name)) {
      throw bindError(
        `Reserved column name in select: ${quoteName(e.name)}. Please remove or alias the column.`,
        e.span,
      );
    }
  }
}
