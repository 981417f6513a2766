import { describeFunction, listFunctions } from '../../exec/functions';
import type { ShowStmt } from '../../sql/ast';
import { formatType } from '../../types/sql-type';
import { queryListItem, sourceListItem, type KsqlEntity } from '../entities';
import type { Prepared, StatementContext } from '../statement-context';
import { describeSource } from './describe';

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
            sourceDescriptions: sources.map((s) => describeSource(s, catalog, true)),
          };
        }
        return {
          '@type': stmt.target.toLowerCase(),
          ...base,
          [stmt.target.toLowerCase()]: sources.map(sourceListItem),
        };
      }
      case 'QUERIES': {
        const queries = catalog
          .queries()
          .map((q) => queryListItem(q, catalog.source(q.sink)?.topic, q.state));
        if (stmt.extended) return { '@type': 'query_descriptions', ...base, queryDescriptions: queries };
        return { '@type': 'queries', ...base, queries };
      }
      case 'TOPICS': {
        const topics = (await ctx.services.topics.list()).filter((t) => stmt.all || !t.internal);
        if (stmt.extended) {
          return {
            '@type': 'kafka_topics_extended',
            ...base,
            topics: topics.map((t) => ({
              name: t.name,
              replicaInfo: Array(t.partitions).fill(t.replicas),
              consumerCount: 0,
              consumerGroupCount: 0,
            })),
          };
        }
        return {
          '@type': 'kafka_topics',
          ...base,
          topics: topics.map((t) => ({ name: t.name, replicaInfo: Array(t.partitions).fill(t.replicas) })),
        };
      }
      case 'PROPERTIES':
        return {
          '@type': 'properties',
          ...base,
          properties: Object.entries(ctx.session.properties).map(([name, value]) => ({
            name,
            scope: 'SESSION',
            value,
          })),
          overwrittenProperties: Object.keys(ctx.session.properties),
          defaultProperties: [],
        };
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
          types: Object.fromEntries([...catalog.types()].map(([name, t]) => [name, { type: formatType(t) }])),
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
  void describeFunction;
  return { kind: 'local', run };
}
