import { bindError } from '../../bind/bind-error';
import { bindExpression } from '../../bind/bind-expression';
import { coerceTo } from '../../bind/coerce';
import { Scope } from '../../bind/scope';
import { compileExpression } from '../../exec/expr/compile-expression';
import { createKeySerde, createValueSerde } from '../../kafka/serde';
import { PSEUDO_COLUMNS } from '../../plan/plan-schema';
import type { InsertValuesStmt } from '../../sql/ast';
import { canImplicitlyCast } from '../../types/coercion';
import { formatType } from '../../types/sql-type';
import type { Prepared, StatementContext } from '../statement-context';

/**
 * INSERT INTO target [(columns)] VALUES (…): runs on this engine only, writing one record to the
 * target's topic (it never touches the command topic). Unlisted columns are NULL; ROWTIME defaults
 * to now.
 */
export function prepareInsertValues(stmt: InsertValuesStmt, ctx: StatementContext): Prepared {
  const target = ctx.catalog.source(stmt.target.name);
  if (!target) {
    throw bindError(
      `Cannot insert values into an unknown stream/table: \`${stmt.target.name}\`${caseHint(stmt.target, ctx)}`,
      stmt.target.span,
    );
  }
  if (target.isSource)
    throw bindError(
      `Cannot insert values into read-only ${target.kind.toLowerCase()}: ${target.name}`,
      stmt.target.span,
    );
  const headerColumns = target.schema.value.filter((c) => c.header).map((c) => c.name);
  const valueColumns = target.schema.value.filter((c) => !c.header);
  const allColumns = [...target.schema.key, ...valueColumns];
  const names = stmt.columns?.map((c) => c.name) ?? allColumns.map((c) => c.name);
  const listedHeaders = names.filter((n) => headerColumns.includes(n));
  if (listedHeaders.length > 0)
    throw bindError(`Cannot insert into HEADER columns: ${listedHeaders.join(', ')}`, stmt.span);
  if (!stmt.columns && headerColumns.length > 0) {
    throw bindError(`Cannot insert into HEADER columns: ${headerColumns.join(', ')}`, stmt.span);
  }
  if (names.length !== stmt.values.length) {
    throw bindError(
      `Failed to prepare statement: Expected a value for each column. Expected Columns: [${names.join(', ')}]. Got [${stmt.values.map(() => '?').join(', ')}]`,
      stmt.span,
    );
  }
  for (const n of names) {
    if (n === 'ROWPARTITION' || n === 'ROWOFFSET')
      throw bindError(`Inserting into column \`${n}\` is not allowed.`, stmt.span);
    if (
      !PSEUDO_COLUMNS.includes(n as (typeof PSEUDO_COLUMNS)[number]) &&
      !allColumns.some((c) => c.name === n)
    ) {
      throw bindError(`Column name ${n} does not exist.`, stmt.span);
    }
  }
  const scope = new Scope([], [], 'INSERT');
  const values = new Map<string, unknown>();
  stmt.values.forEach((expr, i) => {
    const name = names[i]!;
    const column = allColumns.find((c) => c.name === name);
    const targetType = column?.type ?? { kind: 'BIGINT' as const };
    let bound = bindExpression(expr, { scope, types: ctx.types });
    if (bound.type !== null && !canImplicitlyCast(bound.type, targetType) && bound.kind !== 'Literal') {
      throw bindError(
        `Expected type ${formatType(targetType)} for field ${name} but got ${formatType(bound.type)}`,
        expr.span,
      );
    }
    if (name === 'ROWTIME' && bound.type?.kind === 'TIMESTAMP')
      bound = { ...bound, type: { kind: 'BIGINT' } };
    try {
      bound = coerceTo(bound, targetType);
      values.set(name, compileExpression(bound)([]));
    } catch (error) {
      throw bindError(
        `Failed to insert values into '${target.name}'. ${error instanceof Error ? error.message : String(error)}`,
        expr.span,
      );
    }
  });
  if (target.kind === 'TABLE' && target.schema.key.some((k) => (values.get(k.name) ?? null) === null)) {
    throw bindError(
      `Failed to insert values into '${target.name}'. Value for primary key column(s) ${target.schema.key.map((k) => k.name).join(', ')} is required for tables`,
      stmt.span,
    );
  }
  return {
    kind: 'local',
    run: async () => {
      if (ctx.sandbox) return null;
      const keySerde = createKeySerde(target.keyFormat, target.schema.key, target.keyFeatures, target.window);
      const valueSerde = createValueSerde(target.valueFormat, valueColumns, target.valueFeatures);
      const key = keySerde.serialize(target.schema.key.map((c) => values.get(c.name) ?? null));
      const value = valueSerde.serialize(valueColumns.map((c) => values.get(c.name) ?? null));
      const rowtime = values.get('ROWTIME');
      const timestamp = typeof rowtime === 'number' ? rowtime : ctx.services.clock.now();
      await ctx.services.writer.write(target.topic, [{ key, value, timestamp }]);
      return null;
    },
  };
}

/** ksqlDB's hint when the name differs from an existing source only by case (quoting). */
function caseHint(target: { name: string; text: string }, ctx: StatementContext): string {
  const quoted = /^["`]/.test(target.text);
  const other = ctx.catalog
    .sources()
    .find((s) => s.name !== target.name && s.name.toUpperCase() === target.name.toUpperCase());
  if (!other) return '';
  return quoted
    ? `\nDid you mean ${other.name}? Hint: try removing double quotes from the source name.`
    : `\nDid you mean "${other.name}"? Hint: wrap the source name in double quotes to make it case-sensitive.`;
}
