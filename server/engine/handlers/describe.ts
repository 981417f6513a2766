import { bindError } from '../../bind/bind-error';
import type { CatalogView } from '../../catalog/catalog';
import type { DataSource } from '../../types/data-source';
import { describeFunction } from '../../exec/functions';
import type { DescribeFunctionStmt, DescribeSourcesStmt, DescribeStmt } from '../../sql/ast';
import { fieldInfo, schemaText, type KsqlEntity } from '../entities';
import type { Prepared, StatementContext } from '../statement-context';

export function describeSource(
  s: DataSource,
  catalog: CatalogView,
  extended: boolean,
): Record<string, unknown> {
  return {
    name: s.name,
    windowType: s.window?.type ?? null,
    readQueries: catalog
      .readersOf(s.name)
      .map((q) => ({ queryString: q.sql, sinks: [q.sink], id: q.id, state: q.state })),
    writeQueries: catalog
      .writersOf(s.name)
      .map((q) => ({ queryString: q.sql, sinks: [q.sink], id: q.id, state: q.state })),
    fields: [...s.schema.key, ...s.schema.value].map((c) => fieldInfo(c, s.kind)),
    type: s.kind,
    timestamp: s.timestamp?.column ?? '',
    statistics: '',
    errorStats: '',
    extended,
    keyFormat: s.keyFormat.format,
    valueFormat: s.valueFormat.format,
    topic: s.topic,
    partitions: 0,
    replication: 0,
    statement: s.sql,
    queryOffsetSummaries: [],
    sourceConstraints: [],
    schema: schemaText(s),
  };
}

export function prepareDescribe(stmt: DescribeStmt | DescribeSourcesStmt, ctx: StatementContext): Prepared {
  const base = { statementText: stmt.text, warnings: [] };
  if (stmt.kind === 'DescribeSourcesStmt') {
    const kind = stmt.target === 'STREAMS' ? 'STREAM' : 'TABLE';
    return {
      kind: 'local',
      run: async (): Promise<KsqlEntity> => ({
        '@type': 'source_descriptions',
        ...base,
        sourceDescriptions: ctx.catalog
          .sources()
          .filter((s) => s.kind === kind)
          .map((s) => describeSource(s, ctx.catalog, stmt.extended)),
      }),
    };
  }
  const source = ctx.catalog.source(stmt.source.name);
  if (!source)
    throw bindError(`Could not find STREAM/TABLE '${stmt.source.name}' in the Metastore`, stmt.source.span);
  return {
    kind: 'local',
    run: async (): Promise<KsqlEntity> => ({
      '@type': 'sourceDescription',
      ...base,
      sourceDescription: describeSource(source, ctx.catalog, stmt.extended),
    }),
  };
}

export function prepareDescribeFunction(stmt: DescribeFunctionStmt): Prepared {
  const info = describeFunction(stmt.name.name);
  if (!info) throw bindError(`Can't find any functions with the name '${stmt.name.name}'`, stmt.name.span);
  return {
    kind: 'local',
    run: async (): Promise<KsqlEntity> => ({
      '@type': 'describe_function',
      statementText: stmt.text,
      warnings: [],
      name: info.name,
      description: info.description,
      author: 'Kappa',
      version: '',
      path: 'internal',
      type: info.type,
      functions: info.signatures.map((sig) => ({
        arguments: sig.arguments,
        returnType: sig.returnType,
        description: sig.description,
        argumentTypes: sig.arguments.map((a) => a.type),
      })),
    }),
  };
}
