import { bindError } from '../bind/bind-error';
import { COMPARISON_NAMES, ksqlText } from '../bind/ksql-text';
import type { Expression, SelectStmt } from '../sql/ast';
import type { DataSource } from '../types/data-source';
import type { Column } from '../types/logical-schema';
import { formatType, isNumeric } from '../types/sql-type';
import { walkExpression } from './ast-walk';
import { lookupBounds, type KeyBound } from './pull-key-bounds';

/** The pull-query switches ksqlDB reads from the request's properties (all on by default). */
export interface PullSettings {
  /** `ksql.query.pull.table.scan.enabled`: off, a table pull must look its rows up by key. */
  readonly tableScan: boolean;
  /** `ksql.query.pull.range.scan.enabled`: with table scans off, allow a range on one STRING key. */
  readonly rangeScan: boolean;
  /** `ksql.query.pull.limit.clause.enabled`. */
  readonly limitClause: boolean;
}

export function pullSettings(properties: Readonly<Record<string, string>>): PullSettings {
  const on = (name: string): boolean => String(properties[name] ?? 'true').toLowerCase() !== 'false';
  return {
    tableScan: on('ksql.query.pull.table.scan.enabled'),
    rangeScan: on('ksql.query.pull.range.scan.enabled'),
    limitClause: on('ksql.query.pull.limit.clause.enabled'),
  };
}

/** Pseudo columns a pull query cannot read: they describe a Kafka record, not a row of state. */
const RECORD_PSEUDO_COLUMNS = ['ROWPARTITION', 'ROWOFFSET'];
const WINDOW_BOUNDS = ['WINDOWSTART', 'WINDOWEND'];

/**
 * ksqlDB's rules for pull queries that Kappa keeps, checked before planning so that their
 * messages win: LIMIT, pseudo columns, and how a table's key may be constrained. Kappa answers
 * pull queries that ksqlDB refuses (GROUP BY, JOIN, WINDOW, tables that no query materializes)
 * and keeps those.
 */
export function checkPullQuery(
  stmt: SelectStmt,
  source: DataSource | undefined,
  settings: PullSettings,
): void {
  if (stmt.limit !== undefined) {
    if (!settings.limitClause) {
      throw bindError(
        'LIMIT clause in pull queries is currently disabled. You can enable them by setting ksql.query.pull.limit.clause.enabled=true. See https://cnfl.io/queries for more info.\nAdd EMIT CHANGES if you intended to issue a push query.',
        stmt.span,
      );
    }
    if (stmt.limit < 0) {
      throw bindError(
        "Pull queries don't support negative integers in the LIMIT clause. See https://cnfl.io/queries for more info.",
        stmt.span,
      );
    }
  }
  const selected = stmt.items.flatMap((item) => (item.kind === 'SelectExpression' ? [item.expression] : []));
  rejectColumns(selected, RECORD_PSEUDO_COLUMNS, 'SELECT');
  if (stmt.where) rejectColumns([stmt.where], RECORD_PSEUDO_COLUMNS, 'WHERE');
  if (!source || stmt.joins.length > 0) return;
  if (stmt.where && !source.window) {
    const bound = columnRefs(stmt.where).find((name) => WINDOW_BOUNDS.includes(name));
    if (bound) throw bindError(`WHERE column '${bound}' cannot be resolved.`, stmt.where.span);
  }
  if (source.kind !== 'TABLE' || stmt.groupBy || stmt.window) return;
  if (stmt.where) checkKeyLiterals(stmt.where, source.schema.key);
  if (!settings.tableScan) requireKeyLookup(stmt.where, source, settings);
}

function rejectColumns(expressions: readonly Expression[], names: readonly string[], clause: string): void {
  const found = [...new Set(expressions.flatMap(columnRefs))].filter((n) => names.includes(n));
  if (found.length > 0) {
    throw bindError(
      `Pull queries don't support the following columns in ${clause} clauses: ${found.map((n) => `\`${n}\``).join(', ')}`,
    );
  }
}

function columnRefs(e: Expression): string[] {
  const names: string[] = [];
  walkExpression(e, (x) => {
    if (x.kind === 'ColumnRef') names.push(x.name.name);
  });
  return names;
}

/**
 * A key is looked up by value, so the value must be of the key's type: no NULL, no text for a
 * number (elsewhere Kappa, like ksqlDB's IN lists, lets a numeric string literal stand for a
 * number; a key lookup is where ksqlDB is strict, and so is Kappa).
 */
function checkKeyLiterals(where: Expression, keys: readonly Column[]): void {
  walkExpression(where, (e) => {
    if (e.kind === 'Comparison') {
      const keyLeft = keyColumn(e.left, keys);
      const key = keyLeft ?? keyColumn(e.right, keys);
      const other = keyLeft ? e.right : e.left;
      if (!key) return;
      const text = keyLeft
        ? `(${key.name} ${e.op} ${literalText(other)})`
        : `(${literalText(other)} ${e.op} ${key.name})`;
      if (other.kind === 'NullLiteral') {
        throw bindError(
          `Error in WHERE expression: Comparison with NULL not supported: ${formatType(key.type)} ${e.op} NULL\nUse 'IS NULL' or 'IS NOT NULL' instead.\nStatement: ${text}`,
          e.span,
        );
      }
      if (other.kind === 'StringLiteral' && isNumeric(key.type)) {
        throw bindError(
          `Error in WHERE expression: Cannot compare ${key.name} (${formatType(key.type)}) to '${other.value}' (STRING) with ${COMPARISON_NAMES[e.op]}.\nStatement: ${text}`,
          e.span,
        );
      }
      return;
    }
    if (e.kind === 'InList') {
      const key = keyColumn(e.value, keys);
      if (!key) return;
      for (const item of e.list) {
        if (item.kind === 'NullLiteral') {
          throw bindError(`Primary key columns can not be NULL: (${key.name} = null)`, item.span);
        }
        if (item.kind === 'StringLiteral' && isNumeric(key.type)) {
          throw bindError(
            `'${item.value}' can not be converted to the type of the key column: ${key.name} ${formatType(key.type)} KEY`,
            item.span,
          );
        }
      }
    }
  });
}

function literalText(e: Expression): string {
  return e.kind === 'NullLiteral' ? 'null' : ksqlText(e);
}

function keyColumn(e: Expression, keys: readonly Column[]): Column | undefined {
  return e.kind === 'ColumnRef' ? keys.find((k) => k.name === e.name.name) : undefined;
}

/**
 * With table scans disabled, every disjunct of the WHERE clause must pin the whole key with `=`
 * or IN — or, with range scans on, bound a single non-windowed STRING key — as ksqlDB requires.
 */
function requireKeyLookup(where: Expression | undefined, source: DataSource, settings: PullSettings): void {
  const keys = source.schema.key;
  const scanNeeded = (): never => {
    throw bindError(
      'Query requires table scan to be enabled. Table scans can be enabled by setting ksql.query.pull.table.scan.enabled=true',
      where?.span,
    );
  };
  if (!where) return scanNeeded();
  const disjuncts = lookupBounds(where, keys);
  for (const { bounds, text } of disjuncts) {
    checkDisjunct(bounds, text, keys);
    const ranged = bounds.some((b) => b.op !== '=' && b.op !== 'IN');
    if (!ranged) continue;
    const rangeScan =
      settings.rangeScan &&
      disjuncts.length === 1 &&
      keys.length === 1 &&
      keys[0]!.type.kind === 'STRING' &&
      !source.window;
    if (!rangeScan) scanNeeded();
  }
}

function checkDisjunct(bounds: readonly KeyBound[], text: string, keys: readonly Column[]): void {
  if (bounds.length === 0) throw bindError(`WHERE clause missing key column for disjunct: ${text}`);
  const constrained = new Set(bounds.map((b) => b.key.name));
  if (constrained.size < bounds.length) {
    throw bindError(
      'A comparison condition on the key column cannot be combined with other comparisons such as an IN predicate',
    );
  }
  if (constrained.size < keys.length) {
    throw bindError('Multi-column sources must specify every key in the WHERE clause.');
  }
  if (bounds.some((b) => b.op === '<>')) {
    const described = keys.map((k) => `\`${k.name}\` ${formatType(k.type)} KEY`).join(', ');
    throw bindError(`Bound on key columns '[${described}]' must currently be '='. `);
  }
}
