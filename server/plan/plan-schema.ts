import type { SqlType } from '../types/sql-type';
import type { Scope, ScopeColumn } from '../bind/scope';
import { Scope as ScopeClass } from '../bind/scope';

/**
 * One column of a plan node's output row. Rows are arrays laid out in this order.
 * - `key`: part of the record key (stream KEY / table PRIMARY KEY / GROUP BY / PARTITION BY keys)
 * - `window`: WINDOWSTART / WINDOWEND of a windowed key (part of the key's identity)
 * - `value`: a value column; `header` marks one read from record headers
 * - `pseudo`: ROWTIME, ROWPARTITION, ROWOFFSET (readable, not part of `*`)
 */
export interface PlanColumn {
  readonly name: string;
  readonly type: SqlType;
  readonly role: 'key' | 'window' | 'value' | 'pseudo';
  readonly qualifiers: readonly string[];
  readonly header?: { readonly key?: string };
  /** In the row for the operators, but neither reachable by name nor part of `*`. */
  readonly hidden?: boolean;
  /** Set on the key columns of a join's output (see JoinKeyInfo). */
  readonly joinKey?: JoinKeyInfo;
}

/**
 * A join's result key is the join expression. A persistent query must project it: either a
 * column that equals it in every row (`viable`: column refs among the join expressions, as ksqlDB
 * calls them), or, when there is none (e.g. FULL OUTER joins), the synthetic key column itself.
 */
export interface JoinKeyInfo {
  /** Indexes (in the same row) of the columns that may stand for this key in a projection. */
  readonly viable: readonly number[];
  /** Those columns as ksqlDB names them in messages (`L.A`). */
  readonly expressions: readonly string[];
  /** The key is a generated column (`ROWKEY`) the projection must name. */
  readonly synthetic: boolean;
  /** Every join expression equal to the key (`ABS(S2.ID)` too): a later join on one needs no re-key. */
  readonly equivalents: readonly string[];
}

export const PSEUDO_COLUMNS = ['ROWTIME', 'ROWPARTITION', 'ROWOFFSET'] as const;
export const WINDOW_COLUMNS = ['WINDOWSTART', 'WINDOWEND'] as const;
export const SYSTEM_COLUMN_NAMES: readonly string[] = [...PSEUDO_COLUMNS, ...WINDOW_COLUMNS];

export function scopeOf(
  columns: readonly PlanColumn[],
  relations: readonly string[],
  clause = 'SELECT',
  hidden?: (c: PlanColumn, index: number) => boolean,
): Scope {
  const scopeColumns: ScopeColumn[] = columns.map((c, index) => ({
    hidden: hidden?.(c, index) ?? c.hidden ?? false,
    index,
    name: c.name,
    type: c.type,
    qualifiers: c.qualifiers,
    pseudo: c.role === 'pseudo' || c.role === 'window',
    key: c.role === 'key',
  }));
  return new ScopeClass(scopeColumns, relations, clause);
}

export function keyIndexes(columns: readonly PlanColumn[]): number[] {
  const out: number[] = [];
  columns.forEach((c, i) => {
    if (c.role === 'key' || c.role === 'window') out.push(i);
  });
  return out;
}

export function indexOfColumn(columns: readonly PlanColumn[], name: string): number {
  return columns.findIndex((c) => c.name === name);
}
