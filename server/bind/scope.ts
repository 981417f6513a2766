import type { ColumnRef } from '../sql/ast';
import type { SqlType } from '../types/sql-type';
import { bindError, bindErrorAt } from './bind-error';

/** A column visible to expressions: its position in the input row and the names that reach it. */
export interface ScopeColumn {
  readonly index: number;
  readonly name: string;
  readonly type: SqlType;
  /** Source name and alias this column can be qualified with (`s.col`). */
  readonly qualifiers: readonly string[];
  /** Pseudo columns (ROWTIME, ROWPARTITION, ROWOFFSET, WINDOWSTART, WINDOWEND) are not part of `*`. */
  readonly pseudo?: boolean;
  readonly key?: boolean;
  /** Present in the row but not reachable by name (e.g. the computed GROUP BY key). */
  readonly hidden?: boolean;
}

/** The columns an expression may reference, with ksqlDB's resolution rules. */
export class Scope {
  constructor(
    readonly columns: readonly ScopeColumn[],
    /** Relation names/aliases in scope, for "not a valid stream/table name or alias" errors. */
    readonly relations: readonly string[],
    /** Clause name for messages ("WHERE column 'X' cannot be resolved"). */
    readonly clause = 'SELECT',
  ) {}

  withClause(clause: string): Scope {
    return new Scope(this.columns, this.relations, clause);
  }

  resolve(ref: ColumnRef): ScopeColumn {
    const name = ref.name.name;
    if (ref.source) {
      const qualifier = ref.source.name;
      if (!this.relations.includes(qualifier)) {
        throw bindError(`'${qualifier}' is not a valid stream/table name or alias.`, ref.source.span);
      }
      const match = this.columns.find(
        (c) => !c.hidden && c.name === name && c.qualifiers.includes(qualifier),
      );
      if (!match)
        throw bindError(`${this.clause} column '${qualifier}.${name}' cannot be resolved.`, ref.span);
      return match;
    }
    const matches = this.columns.filter((c) => !c.hidden && c.name === name);
    if (matches.length === 0)
      throw bindError(`${this.clause} column '${name}' cannot be resolved.`, ref.span);
    if (matches.length > 1) {
      // Join sides both have it; a key column shared by the join condition is not ambiguous in
      // ksqlDB only when qualified, so ask for the qualifier.
      const options = matches.map((m) => `${m.qualifiers[m.qualifiers.length - 1] ?? '?'}.${name}`);
      const list = `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]!}`;
      throw bindErrorAt(`Column '${name}' is ambiguous. Could be ${list}.`, ref.span);
    }
    return matches[0]!;
  }

  tryResolve(ref: ColumnRef): ScopeColumn | undefined {
    try {
      return this.resolve(ref);
    } catch {
      return undefined;
    }
  }
}
