/**
 * How built-in functions are declared. Each family file exports a list of specs; the registry
 * compiles their signatures once at start-up.
 */
import type { SqlType } from '../../types/sql-type';
import type { Aggregator } from './types';

/**
 * An implementation with typed parameters. `never[]` lets a family write
 * `(s: string, n: number) => …`; the signature guarantees the argument types at run time.
 */
export type Impl = (...args: never[]) => unknown;

export interface TypeContext {
  /** Argument types as given (null for the NULL literal and for lambdas). */
  readonly args: readonly (SqlType | null)[];
  /** The types the arguments are coerced to. */
  readonly params: readonly SqlType[];
  readonly bindings: ReadonlyMap<string, SqlType>;
}

export interface BindContext extends TypeContext {
  readonly returnType: SqlType;
}

export interface VariantSpec {
  /** Parameter specs: `'name TYPE|description'`, `'...name TYPE'` for a trailing variadic. */
  readonly params: readonly string[];
  /** A type pattern over the generics, or a function of the resolved argument types. */
  readonly returns: string | ((ctx: TypeContext) => SqlType);
  /** Shown by DESCRIBE FUNCTION when `returns` is a function. */
  readonly returnsDoc?: string;
  readonly description?: string;
  /** Extra acceptance test on the resolved types (e.g. "T must be orderable"). */
  readonly where?: (ctx: TypeContext) => boolean;
  /** The implementation, or `bind` to build one per call site from the resolved types. */
  readonly impl?: Impl;
  readonly bind?: (ctx: BindContext) => Impl;
  /**
   * 'propagate' (default): NULL in any value argument returns NULL without calling the
   * implementation. 'custom': the implementation sees NULLs.
   */
  readonly nulls?: 'propagate' | 'custom';
  /** This variant may return different results for the same arguments (reads the clock). */
  readonly nondeterministic?: boolean;
  /**
   * True when ksqlDB, whose overloads of this function are concrete types, could not choose one
   * for these argument types (e.g. INT and BIGINT fit the BIGINT, DECIMAL and DOUBLE overloads).
   */
  readonly ambiguous?: (ctx: TypeContext) => boolean;
}

export interface ScalarSpec {
  readonly name: string;
  /** The name ksqlDB's resolution errors use (its UDF's declared name), if not as written. */
  readonly messageName?: string;
  readonly category: string;
  readonly description: string;
  readonly variants: readonly VariantSpec[];
  readonly nondeterministic?: boolean;
}

export interface AggregateContext extends BindContext {
  /** Values of the trailing literal parameters (`constantParams`), in order. */
  readonly constants: readonly unknown[];
  /** Query configuration (ksqlDB property names such as `ksql.functions.collect_set.limit`). */
  readonly config: Readonly<Record<string, unknown>>;
}

export interface AggregateVariantSpec {
  readonly params: readonly string[];
  readonly returns: string | ((ctx: TypeContext) => SqlType);
  readonly returnsDoc?: string;
  readonly description?: string;
  readonly where?: (ctx: TypeContext) => boolean;
  /** How many trailing parameters must be literals (TOPK's k); they are not passed to `add`. */
  readonly constantParams?: number;
  readonly intermediate?: string;
  /** Builds an aggregator for one query; may throw for invalid constants. */
  readonly create: (ctx: AggregateContext) => Aggregator;
  readonly supportsUndo?: boolean;
}

export interface AggregateSpec {
  readonly name: string;
  readonly description: string;
  readonly variants: readonly AggregateVariantSpec[];
}

export interface TableVariantSpec {
  readonly params: readonly string[];
  readonly returns: string | ((ctx: TypeContext) => SqlType);
  readonly returnsDoc?: string;
  readonly description?: string;
  readonly impl: (...args: never[]) => unknown[];
}

export interface TableSpec {
  readonly name: string;
  readonly description: string;
  readonly variants: readonly TableVariantSpec[];
}
