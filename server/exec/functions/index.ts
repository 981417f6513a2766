/**
 * The built-in function library: type resolution for the binder, implementations for the
 * expression compiler and the aggregate/table-function operators, and the metadata behind
 * SHOW FUNCTIONS / DESCRIBE FUNCTION / editor completion.
 */
import type { SqlType } from '../../types/sql-type';
import { ALL_AGGREGATES, ALL_SCALARS, ALL_TABLES } from './catalogue';
import { describeEntry } from './describe';
import { wrapNulls } from './invoker';
import { Catalogue } from './registry';
import { ambiguous, resolveVariants } from './resolve';
import type {
  ArgShape,
  FunctionInfo,
  ResolutionError,
  ResolvedAggregate,
  ResolvedScalar,
  ResolvedTableFunction,
} from './types';

export type * from './types';
export { isResolutionError } from './types';

const catalogue = new Catalogue();
catalogue.addScalars(ALL_SCALARS);
catalogue.addAggregates(ALL_AGGREGATES);
catalogue.addTables(ALL_TABLES);

function notFound(name: string): ResolutionError {
  return { error: 'not-found', message: `Can't find any functions with the name '${name}'` };
}

export function isScalar(name: string): boolean {
  return catalogue.scalars.has(name.toUpperCase());
}
export function isAggregate(name: string): boolean {
  return catalogue.aggregates.has(name.toUpperCase());
}
export function isTableFunction(name: string): boolean {
  return catalogue.tables.has(name.toUpperCase());
}

/** Resolves a scalar call. `name` is used as written in error messages, as ksqlDB does. */
export function resolveScalar(name: string, args: readonly ArgShape[]): ResolvedScalar | ResolutionError {
  const entry = catalogue.scalars.get(name.toUpperCase());
  if (!entry) return notFound(name);
  const shown = entry.spec.messageName ?? name;
  const m = resolveVariants(shown, entry.variants, args);
  if ('error' in m) return m;
  const spec = m.variant.spec;
  if (spec.ambiguous?.(m.ctx)) return ambiguous(shown, args);
  let impl;
  try {
    impl = spec.bind ? spec.bind({ ...m.ctx, returnType: m.returnType }) : spec.impl;
  } catch (e) {
    return { error: 'invalid', message: (e as Error).message };
  }
  if (!impl) throw new Error(`Function ${entry.spec.name} has no implementation`);
  const invoke = wrapNulls(
    impl,
    (spec.nulls ?? 'propagate') === 'propagate',
    args.map((a) => a.kind === 'value'),
  );
  return {
    name: entry.spec.name,
    returnType: m.returnType,
    paramTypes: m.ctx.params,
    lambdaParamTypes: m.lambdaParamTypes,
    invoke,
    nondeterministic: (entry.spec.nondeterministic ?? false) || (spec.nondeterministic ?? false),
  };
}

/**
 * Resolves an aggregate call. `argTypes` covers every argument including literal ones;
 * `constantArgs[i]` is the literal's value (undefined where the argument is not a literal).
 * `config` holds the query's properties (e.g. `ksql.functions.collect_list.limit`).
 */
export function resolveAggregate(
  name: string,
  argTypes: readonly (SqlType | null)[],
  constantArgs: readonly unknown[],
  config: Readonly<Record<string, unknown>> = {},
): ResolvedAggregate | ResolutionError {
  const entry = catalogue.aggregates.get(name.toUpperCase());
  if (!entry) return notFound(name);
  const m = resolveVariants(
    name,
    entry.variants,
    argTypes.map((type) => ({ kind: 'value', type })),
  );
  if ('error' in m) return m;
  const spec = m.variant.spec;
  const nConst = spec.constantParams ?? 0;
  const firstConst = argTypes.length - nConst;
  for (let i = firstConst; i < argTypes.length; i++) {
    if (constantArgs[i] === undefined) {
      return { error: 'invalid', message: `Parameter ${i + 1} of ${entry.spec.name} must be a literal` };
    }
  }
  const ctx = { ...m.ctx, returnType: m.returnType, constants: constantArgs.slice(firstConst), config };
  try {
    spec.create(ctx); // validates the constants now rather than on the first row
  } catch (e) {
    return { error: 'invalid', message: (e as Error).message };
  }
  return {
    name: entry.spec.name,
    returnType: m.returnType,
    paramTypes: m.ctx.params.slice(0, firstConst),
    ...(spec.intermediate ? { intermediateDescription: spec.intermediate } : {}),
    supportsUndo: spec.supportsUndo ?? false,
    create: () => spec.create(ctx),
  };
}

export function resolveTableFunction(
  name: string,
  args: readonly ArgShape[],
): ResolvedTableFunction | ResolutionError {
  const entry = catalogue.tables.get(name.toUpperCase());
  if (!entry) return notFound(name);
  const m = resolveVariants(name, entry.variants, args);
  if ('error' in m) return m;
  const impl = m.variant.spec.impl as unknown as (...args: unknown[]) => unknown[];
  return { name: entry.spec.name, returnType: m.returnType, paramTypes: m.ctx.params, invoke: impl };
}

let infos: FunctionInfo[] | undefined;

/** Every function, sorted by name (SHOW FUNCTIONS). */
export function listFunctions(): FunctionInfo[] {
  infos ??= [
    ...[...catalogue.scalars.values()].map((e) => describeEntry('SCALAR', e)),
    ...[...catalogue.aggregates.values()].map((e) => describeEntry('AGGREGATE', e)),
    ...[...catalogue.tables.values()].map((e) => describeEntry('TABLE', e)),
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return infos;
}

/** One function's description (DESCRIBE FUNCTION), case-insensitive. */
export function describeFunction(name: string): FunctionInfo | undefined {
  const upper = name.toUpperCase();
  return listFunctions().find((f) => f.name === upper);
}
