import type { ColumnDef, Property, ResourceName, Statement } from './ast';
import { assertNever } from './ast';
import { formatExpression, formatLiteral, VALUE_SLOT } from './format-expression';
import { formatIdentifier, formatString } from './format-identifier';
import { formatDuration, formatSelect, type FormatOptions } from './format-query';
import { formatTypeNode } from './format-type';

const id = (name: string): string => formatIdentifier(name);
const DESCRIBE_WORDS: ReadonlySet<string> = new Set([
  'STREAMS',
  'TABLES',
  'FUNCTION',
  'CONNECTOR',
  'EXTENDED',
]);
const EXPLAIN_WORDS: ReadonlySet<string> = new Set([
  'SHOW',
  'LIST',
  'SET',
  'DEFINE',
  'UNDEFINE',
  'ALTER',
  'ASSERT',
]);

/**
 * Canonical SQL for a statement, without a trailing `;`. Parsing the result gives back the same
 * tree (apart from spans and source text).
 */
export function formatStatement(s: Statement, options: FormatOptions = {}): string {
  const sep = options.multiline === false ? ' ' : '\n';
  switch (s.kind) {
    case 'SelectStmt':
      return formatSelect(s, options);
    case 'CreateSourceStmt': {
      const cols = s.elements.length > 0 ? ` (${s.elements.map(formatColumnDef).join(', ')})` : '';
      return `CREATE ${s.orReplace ? 'OR REPLACE ' : ''}${s.isSource ? 'SOURCE ' : ''}${s.sourceType} ${
        s.ifNotExists ? 'IF NOT EXISTS ' : ''
      }${id(s.name.name)}${cols}${withClause(s.properties)}`;
    }
    case 'CreateAsSelectStmt':
      return `CREATE ${s.orReplace ? 'OR REPLACE ' : ''}${s.sourceType} ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${id(
        s.name.name,
      )}${withClause(s.properties)} AS${sep}${formatSelect(s.query, options)}`;
    case 'InsertIntoSelectStmt':
      return `INSERT INTO ${id(s.target.name)}${withClause(s.properties)}${sep}${formatSelect(s.query, options)}`;
    case 'InsertValuesStmt':
      return `INSERT INTO ${id(s.target.name)}${columnNames(s.columns)} VALUES ${values(s.values)}`;
    case 'DropSourceStmt':
      return `DROP ${s.sourceType} ${s.ifExists ? 'IF EXISTS ' : ''}${id(s.name.name)}${s.deleteTopic ? ' DELETE TOPIC' : ''}${s.cascade ? ' CASCADE' : ''}`;
    case 'AlterSourceStmt':
      return `ALTER ${s.sourceType} ${id(s.name.name)} ${s.addColumns
        .map((c) => `ADD COLUMN ${id(c.name.name)} ${formatTypeNode(c.type)}`)
        .join(', ')}`;
    case 'CreateTypeStmt':
      return `CREATE TYPE ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${id(s.name.name)} AS ${formatTypeNode(s.type)}`;
    case 'DropTypeStmt':
      return `DROP TYPE ${s.ifExists ? 'IF EXISTS ' : ''}${id(s.name.name)}`;
    case 'ShowStmt': {
      const target = s.target === 'CONNECTOR_PLUGINS' ? 'CONNECTOR PLUGINS' : s.target;
      return `SHOW ${s.all ? 'ALL ' : ''}${s.connectorType ? `${s.connectorType} ` : ''}${target}${s.extended ? ' EXTENDED' : ''}`;
    }
    case 'DescribeStmt':
      return `DESCRIBE ${formatIdentifier(s.source.name, DESCRIBE_WORDS)}${s.extended ? ' EXTENDED' : ''}`;
    case 'DescribeSourcesStmt':
      return `DESCRIBE ${s.target}${s.extended ? ' EXTENDED' : ''}`;
    case 'DescribeFunctionStmt':
      return `DESCRIBE FUNCTION ${id(s.name.name)}`;
    case 'DescribeConnectorStmt':
      return `DESCRIBE CONNECTOR ${id(s.name.name)}`;
    case 'ExplainStmt':
      if (s.statement) return `EXPLAIN ${formatStatement(s.statement, options)}`;
      return `EXPLAIN ${formatIdentifier(s.queryId?.name ?? '', EXPLAIN_WORDS)}`;
    case 'PrintStmt': {
      let out = `PRINT ${resource(s.topic)}`;
      if (s.fromBeginning) out += ' FROM BEGINNING';
      if (s.interval !== undefined) out += ` INTERVAL ${s.interval}`;
      if (s.limit !== undefined) out += ` LIMIT ${s.limit}`;
      return out;
    }
    case 'TerminateStmt':
    case 'PauseStmt':
    case 'ResumeStmt': {
      const verb = s.kind === 'TerminateStmt' ? 'TERMINATE' : s.kind === 'PauseStmt' ? 'PAUSE' : 'RESUME';
      return `${verb} ${s.all || !s.queryId ? 'ALL' : id(s.queryId.name)}`;
    }
    case 'SetPropertyStmt':
      return `SET ${formatString(s.name)}=${formatString(s.value)}`;
    case 'AlterSystemStmt':
      return `ALTER SYSTEM ${formatString(s.name)}=${formatString(s.value)}`;
    case 'UnsetPropertyStmt':
      return `UNSET ${formatString(s.name)}`;
    case 'DefineVariableStmt':
      return `DEFINE ${id(s.name.name)} = ${formatString(s.value)}`;
    case 'UndefineVariableStmt':
      return `UNDEFINE ${id(s.name.name)}`;
    case 'RunScriptStmt':
      return `RUN SCRIPT ${formatString(s.path)}`;
    case 'CreateConnectorStmt':
      return `CREATE ${s.connectorType} CONNECTOR ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${id(s.name.name)}${withClause(
        s.properties,
      )}`;
    case 'DropConnectorStmt':
      return `DROP CONNECTOR ${s.ifExists ? 'IF EXISTS ' : ''}${id(s.name.name)}`;
    case 'AssertTopicStmt': {
      const timeout = s.timeout ? ` TIMEOUT ${formatDuration(s.timeout)}` : '';
      return `ASSERT ${s.notExists ? 'NOT EXISTS ' : ''}TOPIC ${resource(s.topic)}${withClause(s.properties)}${timeout}`;
    }
    case 'AssertSchemaStmt': {
      let out = `ASSERT ${s.notExists ? 'NOT EXISTS ' : ''}SCHEMA`;
      if (s.subject) out += ` SUBJECT ${resource(s.subject)}`;
      if (s.id) out += ` ID ${formatLiteral(s.id)}`;
      if (s.timeout) out += ` TIMEOUT ${formatDuration(s.timeout)}`;
      return out;
    }
    case 'AssertValuesStmt':
      return `ASSERT VALUES ${id(s.source.name)}${columnNames(s.columns)} VALUES ${values(s.values)}`;
    case 'AssertTombstoneStmt':
      return `ASSERT NULL VALUES ${id(s.source.name)}${columnNames(s.columns)} KEY ${values(s.keys)}`;
    case 'AssertSourceStmt': {
      const cols = s.elements.length > 0 ? ` (${s.elements.map(formatColumnDef).join(', ')})` : '';
      return `ASSERT ${s.sourceType} ${id(s.name.name)}${cols}${withClause(s.properties)}`;
    }
    default:
      return assertNever(s);
  }
}

export function formatColumnDef(c: ColumnDef): string {
  const base = `${id(c.name.name)} ${formatTypeNode(c.type)}`;
  const k = c.constraint;
  if (k === undefined) return base;
  switch (k.kind) {
    case 'Key':
      return `${base} KEY`;
    case 'PrimaryKey':
      return `${base} PRIMARY KEY`;
    case 'Headers':
      return `${base} HEADERS`;
    case 'Header':
      return `${base} HEADER(${formatString(k.key)})`;
    default:
      return assertNever(k);
  }
}

export function formatProperties(props: readonly Property[]): string {
  return `(${props
    .map((p) => `${id(p.name) === p.name ? p.name : formatString(p.name)}=${formatLiteral(p.value)}`)
    .join(', ')})`;
}

function withClause(props: readonly Property[]): string {
  return props.length > 0 ? ` WITH ${formatProperties(props)}` : '';
}

function columnNames(cols: readonly { name: string }[] | undefined): string {
  return cols ? ` (${cols.map((c) => id(c.name)).join(', ')})` : '';
}

function values(vs: readonly Parameters<typeof formatExpression>[0][]): string {
  return `(${vs.map((v) => formatExpression(v, VALUE_SLOT)).join(', ')})`;
}

function resource(r: ResourceName): string {
  return r.isString ? formatString(r.value) : id(r.value);
}
