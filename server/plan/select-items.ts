import type { Span } from '../../lib/contracts/span';
import type { Expression, SelectStmt } from '../sql/ast';
import { bindError } from '../bind/bind-error';
import type { PlanColumn } from './plan-schema';

/** One output column before binding: an expression (or a direct input column) and its name. */
export interface SelectEntry {
  readonly expression?: Expression;
  /** Set for `*` expansions: the input column index. */
  readonly inputIndex?: number;
  readonly name: string;
  /** `base->*`: to be expanded into the struct's fields. */
  readonly structAll?: Expression;
  /** True when the name came from an AS alias. */
  readonly aliased: boolean;
  readonly span: Span;
}

/**
 * Expands `*`, `alias.*` and `s->*` and names every output column the way ksqlDB does: the alias,
 * else the column name of a plain column reference, else the last field of a `->` dereference
 * (suffixed `_n` when taken), else `KSQL_COL_n` numbered over the unnamed items in order.
 */
export function expandSelectItems(
  stmt: SelectStmt,
  inputColumns: readonly PlanColumn[],
  relations: readonly { readonly alias: string; readonly start: number; readonly end: number }[],
  joined: boolean,
): SelectEntry[] {
  const entries: SelectEntry[] = [];
  const common = joined ? commonNames(inputColumns, relations) : new Set<string>();
  for (const item of stmt.items) {
    switch (item.kind) {
      case 'SelectAllColumns': {
        let range = { start: 0, end: inputColumns.length };
        if (item.source) {
          const rel = relations.find((r) => r.alias === item.source!.name);
          if (!rel)
            throw bindError(
              `'${item.source.name}' is not a valid stream/table name or alias.`,
              item.source.span,
            );
          range = rel;
        }
        for (let i = range.start; i < range.end; i++) {
          const c = inputColumns[i]!;
          if (c.role === 'pseudo' || c.hidden) continue;
          if (c.role === 'window' && joined) continue;
          const qualifier = c.qualifiers[c.qualifiers.length - 1];
          const name = joined && qualifier ? `${qualifier}_${c.name}` : c.name;
          entries.push({ inputIndex: i, name, aliased: false, span: item.span });
        }
        break;
      }
      case 'SelectStructAll':
        // Expanded by the planner into one column per field once the struct's type is known.
        entries.push({ structAll: item.base, name: '*', aliased: false, span: item.span });
        break;
      case 'SelectExpression': {
        const e = item.expression;
        if (item.alias) {
          // `t.ROWTIME AS ROWTIME` keeps the column's own name, which ksqlDB does not count as an alias.
          const same = e.kind === 'ColumnRef' && e.name.name === item.alias.name;
          entries.push({ expression: e, name: item.alias.name, aliased: !same, span: item.span });
        } else if (e.kind === 'ColumnRef') {
          // ksqlDB prefixes a joined column with its source only when several sources have one so named.
          const qualifier = e.source?.name;
          const name = qualifier && common.has(e.name.name) ? `${qualifier}_${e.name.name}` : e.name.name;
          entries.push({ expression: e, name, aliased: false, span: item.span });
        } else if (e.kind === 'Dereference') {
          // Named by the field once every explicit name is known (see below).
          entries.push({ expression: e, name: '', aliased: false, span: item.span });
        } else {
          entries.push({ expression: e, name: '', aliased: false, span: item.span });
        }
        break;
      }
    }
  }
  // Generated names avoid every name the query or its sources use, as ksqlDB's generator does: a
  // field `B` becomes `B_1` when a column `B` exists, and KSQL_COL_n skips the n already taken.
  const taken = new Set([...entries.map((e) => e.name), ...inputColumns.map((c) => c.name)]);
  let next = 0;
  return entries.map((e) => {
    if (e.name !== '') return e;
    let name: string;
    if (e.expression?.kind === 'Dereference') {
      const field = e.expression.field.name;
      name = field;
      for (let n = 1; taken.has(name); n++) name = `${field}_${n}`;
    } else {
      do name = `KSQL_COL_${next++}`;
      while (taken.has(name));
    }
    taken.add(name);
    return { ...e, name };
  });
}

/** Column names that more than one joined relation has. */
function commonNames(
  columns: readonly PlanColumn[],
  relations: readonly { readonly start: number; readonly end: number }[],
): Set<string> {
  const seen = new Set<string>();
  const common = new Set<string>();
  for (const r of relations) {
    const names = new Set(
      columns
        .slice(r.start, r.end)
        .filter((c) => !c.hidden)
        .map((c) => c.name),
    );
    for (const n of names) (seen.has(n) ? common : seen).add(n);
  }
  return common;
}
