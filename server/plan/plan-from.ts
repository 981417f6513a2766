import { bindError } from '../bind/bind-error';
import type { AliasedRelation, SelectStmt } from '../sql/ast';
import type { DataSource } from '../types/data-source';
import type { WindowInfo } from '../types/formats';
import type { PlanNode, SourceNode } from './nodes';
import { checkJoinReferences, type RelationInfo } from './plan-join-criteria';
import { planJoinStep } from './plan-join';
import type { PlannerContext } from './planner-context';
import { sourceColumns } from './source-columns';

export type { RelationInfo } from './plan-join-criteria';

export interface FromResult {
  readonly node: PlanNode;
  readonly relations: readonly RelationInfo[];
  readonly window?: WindowInfo;
}

function resolveSource(rel: AliasedRelation, ctx: PlannerContext): DataSource {
  const source = ctx.catalog.source(rel.name.name);
  if (!source) {
    throw bindError(`${rel.name.name} does not exist.`, rel.name.span);
  }
  return source;
}

function sourceNode(rel: AliasedRelation, ctx: PlannerContext): SourceNode {
  const source = resolveSource(rel, ctx);
  const alias = rel.alias?.name ?? source.name;
  return {
    node: 'Source',
    source,
    alias,
    columns: sourceColumns(source, alias),
    semantics: source.kind === 'TABLE' ? 'table' : 'stream',
  };
}

/** FROM and JOINs: one source, or a left-deep tree of joins (see plan-join.ts). */
export function planFrom(stmt: SelectStmt, ctx: PlannerContext): FromResult {
  const first = sourceNode(stmt.from, ctx);
  if (stmt.joins.length === 0) {
    return {
      node: first,
      relations: [{ alias: first.alias, sourceName: first.source.name, start: 0, end: first.columns.length }],
      ...(first.source.window ? { window: first.source.window } : {}),
    };
  }
  const rights = stmt.joins.map((j) => sourceNode(j.right, ctx));
  const all = [first, ...rights];
  checkSources(all);
  // ksqlDB checks what every ON condition references before planning any of the joins.
  const candidates = all.map((n) => ({
    alias: n.alias,
    sourceName: n.source.name,
    names: new Set(n.columns.map((c) => c.name)),
  }));
  stmt.joins.forEach((join, i) => checkJoinReferences(join, candidates.slice(0, i + 2)));

  let node: PlanNode = first;
  let relations: RelationInfo[] = [
    { alias: first.alias, sourceName: first.source.name, start: 0, end: first.columns.length },
  ];
  let window = first.source.window;
  stmt.joins.forEach((join, i) => {
    // ksqlDB's names: the last join is `Join`, the one below it `L_Join`, and so on.
    const name = `${'L_'.repeat(stmt.joins.length - 1 - i)}Join`;
    const step = planJoinStep(node, window, relations, rights[i]!, join, name, ctx);
    node = step.node;
    relations = step.relations;
    window ??= rights[i]!.source.window;
  });
  return { node, relations, ...(window ? { window } : {}) };
}

/** ksqlDB's checks on the set of joined sources, before any join is planned. */
function checkSources(nodes: readonly SourceNode[]): void {
  const kafka = nodes.filter((n) => n.source.valueFormat.format === 'KAFKA').map((n) => n.source.name);
  if (kafka.length > 0) {
    throw bindError(
      `Source(s) ${kafka.join(', ')} are using the 'KAFKA' value format. This format does not yet support JOIN.`,
    );
  }
  const seen = new Set<string>();
  for (const n of nodes) {
    if (seen.has(n.source.name)) {
      throw bindError(
        nodes.length === 2
          ? `Can not join '${n.source.name}' to '${n.source.name}': self joins are not yet supported.`
          : `N-way joins do not support multiple occurrences of the same source. Source: '${n.source.name}'`,
      );
    }
    seen.add(n.source.name);
  }
}
