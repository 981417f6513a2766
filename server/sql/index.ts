/**
 * Kappa's SQL front end: ksqlDB's dialect (plus ORDER BY/OFFSET on pull queries and multi-equality
 * join conditions). Pure functions, no I/O; nothing here throws on any input.
 */
export type * from './ast';
export { assertNever } from './ast';
export type { Token, TokenKind } from './token';
export { lex, type LexOptions } from './lexer';
export {
  parseScript,
  parseStatement,
  parseExpression,
  parseType,
  parseColumnList,
  type ParseOptions,
  type ScriptParseResult,
  type StatementParseResult,
} from './script';
export { splitStatements, type StatementText } from './split-statements';
export { substituteVariables, variableMap, type Substitution, type VariableMap } from './variables';
export { formatStatement, formatColumnDef, formatProperties } from './format-statement';
export { formatExpression, formatLiteral } from './format-expression';
export { formatTypeNode, formatSqlType } from './format-type';
export { formatIdentifier, formatString } from './format-identifier';
export type { FormatOptions } from './format-query';
export { complete } from './completion';
export {
  EMPTY_CATALOG,
  type CompletionCatalog,
  type CatalogSource,
  type CatalogColumn,
  type CatalogFunction,
} from './completion-catalog';
export { WITH_PROPERTIES, propertyInfo, type PropertyInfo, type PropertyContext } from './properties';
export { diagnose, suggestEmitChangesFix, type DiagnosticFix } from './diagnose';
export { builtinOf, BUILTIN_TYPE_NAMES } from './parse-type';
export { resolveTypeNode, customTypeNames } from './type-resolve';
export { expressionChildren, walkExpression } from './expression-walk';
export { SYNTAX_ERROR_CODE, MAX_DEPTH } from './parser';
export { KSQL_RESERVED, RESERVED, ALL_KEYWORDS } from './keywords';
export { STATEMENT_KEYWORDS } from './parse-statement';
