import { bindError } from '../../bind/bind-error';
import { describeFunction } from '../../exec/functions';
import type { DescribeFunctionStmt, DescribeSourcesStmt, DescribeStmt } from '../../sql/ast';
import type { KsqlEntity } from '../entities';
import type { Prepared, StatementContext } from '../statement-context';
import { describeSource } from './describe-source';

/** DESCRIBE name [EXTENDED] and DESCRIBE STREAMS|TABLES [EXTENDED]. */
export function prepareDescribe(stmt: DescribeStmt | DescribeSourcesStmt, ctx: StatementContext): Prepared {
  const base = { statementText: stmt.text, warnings: [] };
  if (stmt.kind === 'DescribeSourcesStmt') {
    const kind = stmt.target === 'STREAMS' ? 'STREAM' : 'TABLE';
    return {
      kind: 'local',
      run: async (): Promise<KsqlEntity> => ({
        '@type': 'source_descriptions',
        ...base,
        sourceDescriptions: await Promise.all(
          ctx.catalog
            .sources()
            .filter((s) => s.kind === kind)
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((s) => describeSource(s, ctx.catalog, ctx.services, stmt.extended)),
        ),
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
      sourceDescription: await describeSource(source, ctx.catalog, ctx.services, stmt.extended),
    }),
  };
}

/** DESCRIBE FUNCTION name: ksqlDB's FunctionDescriptionList. */
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
      author: info.author,
      version: info.version,
      path: info.path,
      type: info.type,
      functions: info.signatures.map((sig) => ({
        arguments: sig.arguments.map((a) => ({
          name: a.name,
          type: a.type,
          description: a.description ?? '',
          isVariadic: a.isVariadic ?? false,
        })),
        returnType: sig.returnType,
        description: sig.description,
        argumentTypes: sig.arguments.map((a) => a.type),
      })),
    }),
  };
}
