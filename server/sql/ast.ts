/**
 * Kappa's SQL syntax tree: immutable data tagged by `kind`, every node with a `span` into the
 * original script text. Produced by the parser (./index.ts), consumed by the formatter, completion,
 * the binder and everything after it. Dispatch with a `switch` ending in `assertNever`.
 */
export type * from './ast-common';
export type * from './ast-type';
export type * from './ast-expression';
export type * from './ast-query';
export type * from './ast-statement';
export type * from './ast-assert';

/** Exhaustiveness guard for `switch (node.kind)`. */
export function assertNever(value: never): never {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : value;
  throw new Error(`unexpected node kind: ${String(kind)}`);
}
