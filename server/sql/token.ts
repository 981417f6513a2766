/**
 * Lexical token. Offsets are UTF-16 indexes into the lexed text; lines and columns are 1-based.
 *
 * `value` by kind: `word` upper-cased text (unquoted identifiers and keywords alike: the parser
 * decides which it is); `quoted` the unescaped name of a backquoted/double-quoted identifier;
 * `string` the unescaped content; numbers their text; `punct` the symbol; `variable` the variable
 * name inside `${...}`; `error` a message describing the bad input; `eof` empty.
 */
export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export type TokenKind =
  'word' | 'quoted' | 'string' | 'integer' | 'decimal' | 'float' | 'variable' | 'punct' | 'error' | 'eof';
