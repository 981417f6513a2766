/**
 * The public shapes of the function registry: what the binder asks, what it gets back, and what
 * DESCRIBE FUNCTION / SHOW FUNCTIONS print.
 */
import type { SqlType } from '../../types/sql-type';

/** One call argument as the binder sees it: a typed value (null type = the NULL literal) or a lambda. */
export type ArgShape =
  | { readonly kind: 'value'; readonly type: SqlType | null }
  | {
      readonly kind: 'lambda';
      readonly arity: number;
      /** The body's type given its parameters' types; may throw if the body does not type-check. */
      readonly bodyType: (paramTypes: readonly SqlType[]) => SqlType;
    };

export interface ResolvedScalar {
  readonly name: string;
  readonly returnType: SqlType;
  /**
   * The type each argument must be coerced to before the call. For a lambda argument, the type its
   * body must be coerced to.
   */
  readonly paramTypes: readonly SqlType[];
  /** For each lambda argument, the types of its parameters (undefined for value arguments). */
  readonly lambdaParamTypes: readonly (readonly SqlType[] | undefined)[];
  /** Lambda arguments are passed as JS functions taking their parameters positionally. */
  readonly invoke: (...args: unknown[]) => unknown;
  /** True if a call with the same arguments may return different results (RANDOM, UUID, NOW). */
  readonly nondeterministic: boolean;
}

export type ResolutionErrorKind = 'not-found' | 'no-match' | 'ambiguous' | 'invalid';

export interface ResolutionError {
  readonly error: ResolutionErrorKind;
  readonly message: string;
}

export function isResolutionError(v: unknown): v is ResolutionError {
  return typeof v === 'object' && v !== null && 'error' in v && 'message' in v;
}

/**
 * An aggregate's state machine. `add` and `undo` may mutate `acc` and return it (the caller owns
 * the accumulator); `merge` returns a new accumulator and leaves both inputs as they were, because
 * hopping-window panes are merged again and again. `toJSON` must produce plain JSON (no bigint,
 * Map or typed arrays) and `fromJSON(toJSON(acc))` must behave like `acc`.
 */
export interface Aggregator<A = unknown> {
  initial(): A;
  add(acc: A, args: readonly unknown[]): A;
  /** Retracts a previously added row (aggregation over a table); absent when not supported. */
  undo?(acc: A, args: readonly unknown[]): A;
  merge(a: A, b: A): A;
  result(acc: A): unknown;
  toJSON(acc: A): unknown;
  fromJSON(json: unknown): A;
}

export interface ResolvedAggregate {
  readonly name: string;
  readonly returnType: SqlType;
  /** The type each (non-constant) argument must be coerced to before `add`. */
  readonly paramTypes: readonly SqlType[];
  /** A human-readable description of the accumulator, for EXPLAIN and changelog schemas. */
  readonly intermediateDescription?: string;
  /** True if the aggregate can retract rows, i.e. can aggregate a table. */
  readonly supportsUndo: boolean;
  create(): Aggregator;
}

export interface ResolvedTableFunction {
  readonly name: string;
  /** The type of each produced value. */
  readonly returnType: SqlType;
  readonly paramTypes: readonly SqlType[];
  invoke(...args: unknown[]): unknown[];
}

export type FunctionType = 'SCALAR' | 'AGGREGATE' | 'TABLE';

export interface FunctionArgumentInfo {
  readonly name: string;
  /** ksqlDB's display form: VARCHAR, INT, ARRAY<T>, LAMBDA (T) => U … */
  readonly type: string;
  readonly description: string;
  readonly isVariadic: boolean;
}

export interface FunctionSignatureInfo {
  readonly arguments: readonly FunctionArgumentInfo[];
  readonly returnType: string;
  readonly description: string;
}

export interface FunctionInfo {
  readonly name: string;
  readonly type: FunctionType;
  readonly category: string;
  readonly description: string;
  readonly author: string;
  readonly version: string;
  readonly path: string;
  readonly signatures: readonly FunctionSignatureInfo[];
}
