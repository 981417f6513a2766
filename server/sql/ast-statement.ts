import type { Span } from '../../lib/contracts/span';
import type { Identifier, Property, ResourceName } from './ast-common';
import type {
  AssertSchemaStmt,
  AssertSourceStmt,
  AssertTombstoneStmt,
  AssertTopicStmt,
  AssertValuesStmt,
} from './ast-assert';
import type { Expression } from './ast-expression';
import type { SelectStmt } from './ast-query';
import type { TypeNode } from './ast-type';

/**
 * Every statement carries `text`: its exact source text after variable substitution, without the
 * trailing `;` (what the engine writes to the command topic), and a `span` in the original script.
 */
export type Statement =
  | SelectStmt
  | CreateSourceStmt
  | CreateAsSelectStmt
  | InsertIntoSelectStmt
  | InsertValuesStmt
  | DropSourceStmt
  | AlterSourceStmt
  | CreateTypeStmt
  | DropTypeStmt
  | ShowStmt
  | DescribeStmt
  | DescribeSourcesStmt
  | DescribeFunctionStmt
  | DescribeConnectorStmt
  | ExplainStmt
  | PrintStmt
  | TerminateStmt
  | PauseStmt
  | ResumeStmt
  | SetPropertyStmt
  | AlterSystemStmt
  | UnsetPropertyStmt
  | DefineVariableStmt
  | UndefineVariableStmt
  | RunScriptStmt
  | CreateConnectorStmt
  | DropConnectorStmt
  | AssertTopicStmt
  | AssertSchemaStmt
  | AssertValuesStmt
  | AssertTombstoneStmt
  | AssertSourceStmt;

export type StatementKind = Statement['kind'];

export interface StmtBase {
  readonly text: string;
  readonly span: Span;
}

export type SourceType = 'STREAM' | 'TABLE';

export type ColumnConstraint =
  | { readonly kind: 'Key' }
  | { readonly kind: 'PrimaryKey' }
  | { readonly kind: 'Headers' }
  | { readonly kind: 'Header'; readonly key: string };

/** `name TYPE [KEY | PRIMARY KEY | HEADERS | HEADER('k')]` */
export interface ColumnDef {
  readonly kind: 'ColumnDef';
  readonly name: Identifier;
  readonly type: TypeNode;
  readonly constraint?: ColumnConstraint;
  readonly span: Span;
}

/** CREATE [OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name [(columns)] [WITH (...)] */
export interface CreateSourceStmt extends StmtBase {
  readonly kind: 'CreateSourceStmt';
  readonly sourceType: SourceType;
  readonly orReplace: boolean;
  /** `CREATE SOURCE STREAM|TABLE`: read-only source. */
  readonly isSource: boolean;
  readonly ifNotExists: boolean;
  readonly name: Identifier;
  /** Empty when no column list was given (schema inference from a registry). */
  readonly elements: readonly ColumnDef[];
  readonly properties: readonly Property[];
}

/** CREATE [OR REPLACE] STREAM|TABLE [IF NOT EXISTS] name [WITH (...)] AS SELECT ... */
export interface CreateAsSelectStmt extends StmtBase {
  readonly kind: 'CreateAsSelectStmt';
  readonly sourceType: SourceType;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  readonly name: Identifier;
  readonly properties: readonly Property[];
  readonly query: SelectStmt;
}

/** INSERT INTO target [WITH (...)] SELECT ... */
export interface InsertIntoSelectStmt extends StmtBase {
  readonly kind: 'InsertIntoSelectStmt';
  readonly target: Identifier;
  readonly properties: readonly Property[];
  readonly query: SelectStmt;
}

/** INSERT INTO target [(col, ...)] VALUES (expr, ...) */
export interface InsertValuesStmt extends StmtBase {
  readonly kind: 'InsertValuesStmt';
  readonly target: Identifier;
  /** Undefined when no column list was written (all columns, in schema order). */
  readonly columns?: readonly Identifier[];
  readonly values: readonly Expression[];
}

export interface DropSourceStmt extends StmtBase {
  readonly kind: 'DropSourceStmt';
  readonly sourceType: SourceType;
  readonly ifExists: boolean;
  readonly name: Identifier;
  readonly deleteTopic: boolean;
  /** Kappa's `CASCADE` (beyond ksqlDB): also terminate dependent queries and drop what they feed. */
  readonly cascade: boolean;
}

export interface AddColumn {
  readonly kind: 'AddColumn';
  readonly name: Identifier;
  readonly type: TypeNode;
  readonly span: Span;
}

/** ALTER STREAM|TABLE name ADD [COLUMN] c TYPE, ... */
export interface AlterSourceStmt extends StmtBase {
  readonly kind: 'AlterSourceStmt';
  readonly sourceType: SourceType;
  readonly name: Identifier;
  readonly addColumns: readonly AddColumn[];
}

export interface CreateTypeStmt extends StmtBase {
  readonly kind: 'CreateTypeStmt';
  readonly ifNotExists: boolean;
  readonly name: Identifier;
  readonly type: TypeNode;
}

export interface DropTypeStmt extends StmtBase {
  readonly kind: 'DropTypeStmt';
  readonly ifExists: boolean;
  readonly name: Identifier;
}

export type ShowTarget =
  | 'STREAMS'
  | 'TABLES'
  | 'TOPICS'
  | 'QUERIES'
  | 'PROPERTIES'
  | 'FUNCTIONS'
  | 'TYPES'
  | 'VARIABLES'
  | 'CONNECTORS'
  | 'CONNECTOR_PLUGINS';

/** SHOW | LIST ... (the two keywords are synonyms). */
export interface ShowStmt extends StmtBase {
  readonly kind: 'ShowStmt';
  readonly target: ShowTarget;
  readonly extended: boolean;
  /** SHOW ALL TOPICS: include internal topics. */
  readonly all: boolean;
  /** SHOW SOURCE|SINK CONNECTORS */
  readonly connectorType?: 'SOURCE' | 'SINK';
}

/** DESCRIBE source [EXTENDED] (also accepted: DESCRIBE EXTENDED source). */
export interface DescribeStmt extends StmtBase {
  readonly kind: 'DescribeStmt';
  readonly source: Identifier;
  readonly extended: boolean;
}

/** DESCRIBE STREAMS|TABLES [EXTENDED] */
export interface DescribeSourcesStmt extends StmtBase {
  readonly kind: 'DescribeSourcesStmt';
  readonly target: 'STREAMS' | 'TABLES';
  readonly extended: boolean;
}

export interface DescribeFunctionStmt extends StmtBase {
  readonly kind: 'DescribeFunctionStmt';
  readonly name: Identifier;
}

export interface DescribeConnectorStmt extends StmtBase {
  readonly kind: 'DescribeConnectorStmt';
  readonly name: Identifier;
}

/** EXPLAIN statement | EXPLAIN queryId: exactly one of the two is set. */
export interface ExplainStmt extends StmtBase {
  readonly kind: 'ExplainStmt';
  readonly statement?: Statement;
  readonly queryId?: Identifier;
}

/** PRINT topic [FROM BEGINNING] [INTERVAL|SAMPLE n] [LIMIT n] */
export interface PrintStmt extends StmtBase {
  readonly kind: 'PrintStmt';
  readonly topic: ResourceName;
  readonly fromBeginning: boolean;
  readonly interval?: number;
  readonly limit?: number;
}

/** TERMINATE queryId | TERMINATE ALL: `queryId` is undefined exactly when `all`. */
export interface TerminateStmt extends StmtBase {
  readonly kind: 'TerminateStmt';
  readonly queryId?: Identifier;
  readonly all: boolean;
}
export interface PauseStmt extends StmtBase {
  readonly kind: 'PauseStmt';
  readonly queryId?: Identifier;
  readonly all: boolean;
}
export interface ResumeStmt extends StmtBase {
  readonly kind: 'ResumeStmt';
  readonly queryId?: Identifier;
  readonly all: boolean;
}

/** SET 'name' = 'value' */
export interface SetPropertyStmt extends StmtBase {
  readonly kind: 'SetPropertyStmt';
  readonly name: string;
  readonly value: string;
}
/** ALTER SYSTEM 'name' = 'value' */
export interface AlterSystemStmt extends StmtBase {
  readonly kind: 'AlterSystemStmt';
  readonly name: string;
  readonly value: string;
}
export interface UnsetPropertyStmt extends StmtBase {
  readonly kind: 'UnsetPropertyStmt';
  readonly name: string;
}

/** DEFINE name = 'value'. Variable names are case-insensitive: compare `name.name`. */
export interface DefineVariableStmt extends StmtBase {
  readonly kind: 'DefineVariableStmt';
  readonly name: Identifier;
  readonly value: string;
}
export interface UndefineVariableStmt extends StmtBase {
  readonly kind: 'UndefineVariableStmt';
  readonly name: Identifier;
}

/** RUN SCRIPT 'path' (executed by the client that reads the file). */
export interface RunScriptStmt extends StmtBase {
  readonly kind: 'RunScriptStmt';
  readonly path: string;
}

export interface CreateConnectorStmt extends StmtBase {
  readonly kind: 'CreateConnectorStmt';
  readonly connectorType: 'SOURCE' | 'SINK';
  readonly ifNotExists: boolean;
  readonly name: Identifier;
  readonly properties: readonly Property[];
}
export interface DropConnectorStmt extends StmtBase {
  readonly kind: 'DropConnectorStmt';
  readonly ifExists: boolean;
  readonly name: Identifier;
}
