import { FORMAT_QUOTED, KSQL_RESERVED } from './keywords';

const PLAIN = /^[A-Z_][A-Z0-9_@]*$/;

/**
 * An identifier as the formatter writes it: bare when it reads back as the same name (upper-case
 * identifier characters, not reserved by ksqlDB), otherwise backquoted with `` ` `` doubled.
 * `alsoQuote` lists words that are special in the caller's position (e.g. STREAMS after DESCRIBE).
 */
export function formatIdentifier(name: string, alsoQuote?: ReadonlySet<string>): string {
  if (PLAIN.test(name) && !KSQL_RESERVED.has(name) && !FORMAT_QUOTED.has(name) && !alsoQuote?.has(name)) {
    return name;
  }
  return `\`${name.replaceAll('`', '``')}\``;
}

export function formatString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
