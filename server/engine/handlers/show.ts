import { listFunctions } from '../../exec/functions';
import type { ShowStmt } from '../../sql/ast';
import { queryListItem, schemaInfo, sourceListItem, type KsqlEntity } from '../entities';
import type { Prepared, StatementContext } from '../statement-context';
import { describeQuery, transientListItem } from './describe-query';
import { describeSource } from './describe-source';
import { showProperties } from './show-properties';
import { showTopics } from './show-topics';

/** SHOW | LIST STREAMS, TABLES, QUERIES, TOPICS, PROPERTIES, FUNCTIONS, TYPES, VARIABLES. */
export function prepareShow(stmt: ShowStmt, ctx: StatementContext): Prepared {
  const base = { statementText: stmt.text, warnings: [] };
  const run = async (): Promise<KsqlEntity> => {
    const catalog = ctx.catalog;
    switch (stmt.target) {
      case 'STREAMS':
      case 'TABLES': {
        const kind = stmt.target === 'STREAMS' ? 'STREAM' : 'TABLE';
        const sources = catalog
          .sources()
          .filter((s) => s.kind === kind)
          .sort((a, b) => a.name.localeCompare(b.name));
        if (stmt.extended) {
          return {
            '@type': 'source_descriptions',
            ...base,
            sourceDescriptions: await Promise.all(
              sources.map((s) => describeSource(s, catalog, ctx.services, true)),
            ),
          };
        }
        const key = stmt.target === 'STREAMS' ? 'streams' : 'tables';
        return { '@type': key, ...base, [key]: sources.map(sourceListItem) };
      }
      case 'QUERIES': {
        const persistent = catalog.queries();
        const transient = ctx.services.transient?.list() ?? [];
        if (stmt.extended) {
          return {
            '@type': 'query_descriptions',
            ...base,
            queryDescriptions: [
              ...persistent.map((q) => describeQuery(q, ctx)),
              ...transient.map((h) => describeQuery(h, ctx)),
            ],
          };
        }
        const state = (id: string, fallback: string): string =>
          ctx.services.statistics?.query(id)?.state ?? fallback;
        return {
          '@type': 'queries',
          ...base,
          queries: [
            ...persistent.map((q) => queryListItem(q, catalog.source(q.sink)?.topic, state(q.id, q.state))),
            ...transient.map(transientListItem),
          ],
        };
      }
      case 'TOPICS':
        return showTopics(ctx, base, stmt.all, stmt.extended);
      case 'PROPERTIES':
        return showProperties(ctx, base);
      case 'FUNCTIONS':
        return {
          '@type': 'function_names',
          ...base,
          functions: listFunctions().map((f) => ({ name: f.name, type: f.type, category: f.category })),
        };
      case 'TYPES':
        return {
          '@type': 'type_list',
          ...base,
          types: Object.fromEntries(
            [...catalog.types()].sort(([a], [b]) => a.localeCompare(b)).map(([n, t]) => [n, schemaInfo(t)]),
          ),
        };
      case 'VARIABLES':
        return {
          '@type': 'variables',
          ...base,
          variables: Object.entries(ctx.session.variables).map(([name, value]) => ({ name, value })),
        };
      case 'CONNECTORS':
      case 'CONNECTOR_PLUGINS':
        return { '@type': 'connector_list', ...base, connectors: [] };
    }
  };
  return { kind: 'local', run };
}
