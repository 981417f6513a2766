import type { Duration, Identifier, Literal, Property, ResourceName } from './ast-common';
import type { Expression } from './ast-expression';
import type { ColumnDef, SourceType, StmtBase } from './ast-statement';

/*
 * ASSERT statements: TOPIC and SCHEMA are ksqlDB's migration checks; VALUES, NULL VALUES and
 * STREAM/TABLE belong to ksqlDB's SQL test format (sql-tests) and are parsed for Kappa's test runner.
 */

/** ASSERT [NOT EXISTS] TOPIC name [WITH (...)] [TIMEOUT n UNIT] */
export interface AssertTopicStmt extends StmtBase {
  readonly kind: 'AssertTopicStmt';
  readonly notExists: boolean;
  readonly topic: ResourceName;
  readonly properties: readonly Property[];
  readonly timeout?: Duration;
}
/** ASSERT [NOT EXISTS] SCHEMA [SUBJECT name] [ID literal] [TIMEOUT n UNIT] */
export interface AssertSchemaStmt extends StmtBase {
  readonly kind: 'AssertSchemaStmt';
  readonly notExists: boolean;
  readonly subject?: ResourceName;
  readonly id?: Literal;
  readonly timeout?: Duration;
}
/** Test-harness statement: ASSERT VALUES source [(cols)] VALUES (...) */
export interface AssertValuesStmt extends StmtBase {
  readonly kind: 'AssertValuesStmt';
  readonly source: Identifier;
  readonly columns?: readonly Identifier[];
  readonly values: readonly Expression[];
}
/** Test-harness statement: ASSERT NULL VALUES source [(cols)] KEY (...) */
export interface AssertTombstoneStmt extends StmtBase {
  readonly kind: 'AssertTombstoneStmt';
  readonly source: Identifier;
  readonly columns?: readonly Identifier[];
  readonly keys: readonly Expression[];
}
/** Test-harness statement: ASSERT STREAM|TABLE name [(columns)] [WITH (...)] */
export interface AssertSourceStmt extends StmtBase {
  readonly kind: 'AssertSourceStmt';
  readonly sourceType: SourceType;
  readonly name: Identifier;
  readonly elements: readonly ColumnDef[];
  readonly properties: readonly Property[];
}
