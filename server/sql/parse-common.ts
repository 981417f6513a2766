import type { Duration, Identifier, Literal, Property, ResourceName, TimeUnit } from './ast-common';
import type { Parser } from './parser';
import type { Token } from './token';

const UNITS: Record<string, TimeUnit> = {
  MILLISECOND: 'MILLISECONDS',
  MILLISECONDS: 'MILLISECONDS',
  SECOND: 'SECONDS',
  SECONDS: 'SECONDS',
  MINUTE: 'MINUTES',
  MINUTES: 'MINUTES',
  HOUR: 'HOURS',
  HOURS: 'HOURS',
  DAY: 'DAYS',
  DAYS: 'DAYS',
};
export const UNIT_WORDS: readonly string[] = Object.keys(UNITS);

const UNIT_MILLIS: Record<TimeUnit, number> = {
  MILLISECONDS: 1,
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

export function timeUnitOf(word: string): TimeUnit | undefined {
  return UNITS[word];
}

export function unitMillis(unit: TimeUnit): number {
  return UNIT_MILLIS[unit];
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** A non-negative integer in a clause like LIMIT or SIZE. */
export function parseCount(p: Parser): number {
  if (p.tok.kind === 'integer') {
    const t = p.advance();
    const v = Number(t.value);
    if (!Number.isSafeInteger(v)) p.failAt(t, `number ${t.value} is too large`);
    return v;
  }
  p.expect('<integer>');
  return p.fail();
}

/** `n UNIT` */
export function parseDuration(p: Parser): Duration {
  const first = p.tok;
  const value = parseCount(p);
  const t = p.tok;
  const unit = t.kind === 'word' ? UNITS[t.value] : undefined;
  if (unit === undefined) {
    for (const w of ['MILLISECONDS', 'SECONDS', 'MINUTES', 'HOURS', 'DAYS']) p.expect(w);
    return p.fail();
  }
  p.advance();
  return { kind: 'Duration', value, unit, millis: value * UNIT_MILLIS[unit], span: p.spanFrom(first) };
}

/**
 * A literal in a literal-only position (WITH values, ASSERT SCHEMA ID): NULL, TRUE/FALSE, a string or
 * a number with an optional leading minus.
 */
export function parseLiteral(p: Parser): Literal {
  const first = p.tok;
  if (first.kind === 'string') {
    p.advance();
    return { kind: 'StringLiteral', value: first.value, span: p.tokenSpan(first) };
  }
  if (first.kind === 'word') {
    if (first.value === 'NULL') {
      p.advance();
      return { kind: 'NullLiteral', span: p.tokenSpan(first) };
    }
    if (first.value === 'TRUE' || first.value === 'FALSE') {
      p.advance();
      return { kind: 'BooleanLiteral', value: first.value === 'TRUE', span: p.tokenSpan(first) };
    }
  }
  const negative = p.isPunct('-') && isNumberToken(p.peek());
  if (negative) p.advance();
  if (isNumberToken(p.tok)) return numberLiteral(p, first, negative);
  p.expect('<literal>');
  return p.fail();
}

export function isNumberToken(t: Token): boolean {
  return t.kind === 'integer' || t.kind === 'decimal' || t.kind === 'float';
}

/** Builds the literal for the number token at the cursor; `first` is the minus sign when negative. */
export function numberLiteral(p: Parser, first: Token, negative: boolean): Literal {
  const t = p.advance();
  const span = p.spanFrom(first);
  const text = negative ? `-${t.value}` : t.value;
  if (t.kind === 'decimal') return { kind: 'DecimalLiteral', value: text, span };
  if (t.kind === 'float') {
    const value = Number(text);
    if (!Number.isFinite(value)) p.failAt(first, `Number overflows DOUBLE: ${text}`);
    return { kind: 'DoubleLiteral', value, span };
  }
  const big = BigInt(text);
  if (big >= INT_MIN && big <= INT_MAX) return { kind: 'IntegerLiteral', value: Number(big), span };
  if (big < LONG_MIN || big > LONG_MAX) p.failAt(first, `Invalid numeric literal: ${text}`);
  return { kind: 'BigIntLiteral', value: big, span };
}

/** A string literal's value. */
export function parseString(p: Parser): string {
  if (p.tok.kind === 'string') return p.advance().value;
  p.expect('<string>');
  return p.fail();
}

/** `( NAME = literal, ... )` after WITH. Names may be identifiers or strings; they are upper-cased. */
export function parseProperties(p: Parser): Property[] {
  p.expectPunct('(');
  const props: Property[] = [];
  do {
    const first = p.tok;
    let name: string;
    if (first.kind === 'string') {
      name = p.advance().value.toUpperCase();
    } else {
      name = p.identifier('property').name.toUpperCase();
    }
    p.expectPunct('=');
    const value = parseLiteral(p);
    props.push({ kind: 'Property', name, value, span: p.spanFrom(first) });
  } while (p.acceptPunct(','));
  p.expectPunct(')');
  return props;
}

/** `WITH (...)` if present, else an empty list. */
export function parseOptionalWith(p: Parser): Property[] {
  return p.acceptKw('WITH') ? parseProperties(p) : [];
}

/** An identifier or a string naming a topic or subject. */
export function parseResourceName(p: Parser, role: 'identifier' | 'source' = 'identifier'): ResourceName {
  const first = p.tok;
  if (first.kind === 'string') {
    p.advance();
    return { kind: 'ResourceName', value: first.value, isString: true, span: p.tokenSpan(first) };
  }
  p.expect('<string>');
  const id = p.identifier(role);
  return { kind: 'ResourceName', value: id.name, isString: false, span: id.span };
}

/** `( a, b, ... )` */
export function parseColumnNames(p: Parser): Identifier[] {
  p.expectPunct('(');
  const cols: Identifier[] = [];
  do cols.push(p.identifier('column'));
  while (p.acceptPunct(','));
  p.expectPunct(')');
  return cols;
}

/** `IF NOT EXISTS` (IF is non-reserved, so only with NOT after it). */
export function parseIfNotExists(p: Parser): boolean {
  if (p.isKw('IF') && p.isKw('NOT', 1)) {
    p.advance();
    p.advance();
    p.expectKw('EXISTS');
    return true;
  }
  p.expect('IF');
  return false;
}

export function parseIfExists(p: Parser): boolean {
  if (p.isKw('IF') && p.isKw('EXISTS', 1)) {
    p.advance();
    p.advance();
    return true;
  }
  p.expect('IF');
  return false;
}
