import type { Span } from '../../lib/contracts/span';

/**
 * A name as written by the user. `name` is what the engine compares: unquoted names are upper-cased
 * (ksqlDB is case-insensitive for them), backquoted and double-quoted names keep their case.
 * `text` is the original token text, quotes included, for messages and editor features.
 */
export interface Identifier {
  readonly kind: 'Identifier';
  readonly name: string;
  readonly text: string;
  readonly span: Span;
}

/** Normalized time units; singular and plural spellings parse to the same unit. */
export type TimeUnit = 'MILLISECONDS' | 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS';

/** `n UNIT` as in `SIZE 5 MINUTES`; `millis` is the normalized length. */
export interface Duration {
  readonly kind: 'Duration';
  readonly value: number;
  readonly unit: TimeUnit;
  readonly millis: number;
  readonly span: Span;
}

/** Literal kinds that can appear as WITH property values and in other literal-only positions. */
export type Literal =
  | NullLiteral
  | BooleanLiteral
  | IntegerLiteral
  | BigIntLiteral
  | DecimalLiteral
  | DoubleLiteral
  | StringLiteral;

export interface NullLiteral {
  readonly kind: 'NullLiteral';
  readonly span: Span;
}
export interface BooleanLiteral {
  readonly kind: 'BooleanLiteral';
  readonly value: boolean;
  readonly span: Span;
}
/** An integer literal that fits in 32 bits (ksqlDB's INT). */
export interface IntegerLiteral {
  readonly kind: 'IntegerLiteral';
  readonly value: number;
  readonly span: Span;
}
/** An integer literal that needs 64 bits (ksqlDB's BIGINT). */
export interface BigIntLiteral {
  readonly kind: 'BigIntLiteral';
  readonly value: bigint;
  readonly span: Span;
}
/**
 * `1.5`, `.5`, `-2.` or the typed form `DECIMAL '1.23'`. `value` is the decimal text (sign included) so
 * precision and scale survive exactly, as Java's BigDecimal would read it.
 */
export interface DecimalLiteral {
  readonly kind: 'DecimalLiteral';
  readonly value: string;
  readonly span: Span;
}
/** A literal with an exponent, e.g. `1.5E0` (ksqlDB's DOUBLE). */
export interface DoubleLiteral {
  readonly kind: 'DoubleLiteral';
  readonly value: number;
  readonly span: Span;
}
/** `'it''s'` has value `it's`. */
export interface StringLiteral {
  readonly kind: 'StringLiteral';
  readonly value: string;
  readonly span: Span;
}

/** One `NAME = literal` entry of a WITH (...) list; `name` is upper-cased, order is kept. */
export interface Property {
  readonly kind: 'Property';
  readonly name: string;
  readonly value: Literal;
  readonly span: Span;
}

/** A topic or subject named either by an identifier or by a string literal (PRINT, ASSERT TOPIC). */
export interface ResourceName {
  readonly kind: 'ResourceName';
  /** Identifier names are normalized like any identifier; strings are kept verbatim. */
  readonly value: string;
  readonly isString: boolean;
  readonly span: Span;
}
