import type { BoundExpr } from '../bind/bound-expr';
import type { JoinType } from '../sql/ast';
import type { PlanNode } from './nodes';
import type { JoinCriterion } from './plan-join-criteria';
import type { PlanColumn } from './plan-schema';

export interface JoinKeyInput {
  /** The left and right rows as the ON condition saw them … */
  readonly left: PlanNode;
  readonly right: PlanNode;
  /** … and as the join operator receives them (after a Rekey, the computed key comes first). */
  readonly leftInput: PlanNode;
  readonly rightInput: PlanNode;
  readonly criteria: readonly JoinCriterion[];
  readonly joinType: JoinType;
  readonly foreignKey: boolean;
}

/**
 * The columns that start a join's row: the result key and, for windowed sources, the window
 * bounds. The key is the join expression; which columns a projection may use for it follows
 * ksqlDB: the join expressions that are plain columns (an earlier join's too, when this join is on
 * that key), none for FULL OUTER joins — then the key is a synthetic `ROWKEY` column the projection
 * must name. A foreign-key join keeps the left table's key.
 */
export function joinKeyColumns(j: JoinKeyInput): PlanColumn[] {
  const leftShift = j.leftInput === j.left ? 0 : j.criteria.length;
  const rightShift = j.rightInput === j.right ? 0 : j.criteria.length;
  const keys = j.leftInput.columns.flatMap((c, i) => (c.role === 'key' ? [i] : []));
  const windows = j.leftInput.columns.filter((c) => c.role === 'window');
  const prefixLength = keys.length + windows.length;
  const leftBase = prefixLength;
  const rightBase = prefixLength + j.leftInput.columns.length;
  // Only the sources' own columns count: an earlier join's synthetic key is hidden in this row.
  const taken = new Set(
    [...j.left.columns, ...j.right.columns]
      .filter((c) => !c.hidden && c.qualifiers.length > 0)
      .map((c) => c.name),
  );

  const columns: PlanColumn[] = keys.map((position, i): PlanColumn => {
    const keyColumn = j.leftInput.columns[position]!;
    const viable: number[] = [];
    const expressions: string[] = [];
    const equivalents: string[] = [];
    const same = (text: string): void => {
      if (!equivalents.includes(text)) equivalents.push(text);
    };
    const add = (index: number, column: PlanColumn | undefined): void => {
      if (!column || column.hidden || viable.includes(index)) return;
      viable.push(index);
      expressions.push(`${column.qualifiers[column.qualifiers.length - 1] ?? ''}.${column.name}`);
    };
    if (j.joinType !== 'FULL') {
      // An earlier join's key (or the left source's own key) stays viable when this join is on it.
      if (j.leftInput === j.left) {
        const inherited = keyColumn.joinKey;
        if (inherited) {
          inherited.viable.forEach((v) => add(leftBase + v, j.left.columns[v]));
          inherited.equivalents.forEach(same);
        } else if (keyColumn.qualifiers.length > 0) {
          add(leftBase + position, keyColumn);
        }
      }
      const c = j.criteria[i];
      if (c && !j.foreignKey) {
        same(c.left.text);
        same(c.right.text);
        const l = columnOf(c.left.bound);
        if (l !== undefined) add(leftBase + leftShift + l, j.left.columns[l]);
        const r = columnOf(c.right.bound);
        if (r !== undefined) add(rightBase + rightShift + r, j.right.columns[r]);
      }
    }
    const synthetic = viable.length === 0;
    const name = synthetic ? syntheticName(taken) : `KSQL_JOIN_KEY_${i}`;
    taken.add(name);
    return {
      name,
      type: keyColumn.type,
      role: 'key',
      qualifiers: [],
      ...(synthetic ? {} : { hidden: true }),
      joinKey: { viable, expressions, synthetic, equivalents },
    };
  });
  for (const w of windows)
    columns.push({ name: w.name, type: w.type, role: 'window', qualifiers: [], hidden: true });
  return columns;
}

function columnOf(e: BoundExpr): number | undefined {
  return e.kind === 'Column' ? e.index : undefined;
}

/** `ROWKEY`, or `ROWKEY_n` past the highest `ROWKEY_n` the sources already use (as ksqlDB). */
function syntheticName(taken: ReadonlySet<string>): string {
  let highest = -1;
  for (const name of taken) {
    if (name === 'ROWKEY') highest = Math.max(highest, 0);
    const m = /^ROWKEY_(\d+)$/.exec(name);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return highest < 0 ? 'ROWKEY' : `ROWKEY_${highest + 1}`;
}
