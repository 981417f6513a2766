import type { Identifier } from './ast-common';
import type { AddColumn, ColumnConstraint, ColumnDef, SourceType, Statement } from './ast-statement';
import {
  parseIfExists,
  parseIfNotExists,
  parseOptionalWith,
  parseProperties,
  parseString,
} from './parse-common';
import { parseSelect } from './parse-select';
import { parseType } from './parse-type';
import type { Parser } from './parser';
import { base } from './statement-base';
import type { Token } from './token';

/** After CREATE: sources, CREATE ... AS SELECT, types and connectors. */
export function parseCreate(p: Parser, first: Token): Statement {
  const orReplace = p.isKw('OR') ? (p.advance(), p.expectKw('REPLACE'), true) : (p.expect('OR'), false);
  if (!orReplace && p.acceptKw('TYPE')) return parseCreateType(p, first);
  if (!orReplace && (p.isKw('SINK') || p.isKw('SOURCE')) && p.isKw('CONNECTOR', 1)) {
    const connectorType = p.advance().value === 'SINK' ? 'SINK' : 'SOURCE';
    p.advance();
    const ifNotExists = parseIfNotExists(p);
    const name = p.identifier('connector');
    p.expectKw('WITH');
    const properties = parseProperties(p);
    return base(p, first, { kind: 'CreateConnectorStmt', connectorType, ifNotExists, name, properties });
  }
  if (!orReplace) p.expect('SINK');
  const isSource = p.acceptKw('SOURCE');
  const sourceType = parseSourceType(p);
  const ifNotExists = parseIfNotExists(p);
  const name = p.identifier('new-name');
  const elements = p.isPunct('(') ? parseTableElements(p) : (p.expect("'('"), []);
  const properties = parseOptionalWith(p);
  if (!isSource && elements.length === 0 && p.acceptKw('AS')) {
    const query = parseSelect(p);
    return base(p, first, {
      kind: 'CreateAsSelectStmt',
      sourceType,
      orReplace,
      ifNotExists,
      name,
      properties,
      query,
    });
  }
  return base(p, first, {
    kind: 'CreateSourceStmt',
    sourceType,
    orReplace,
    isSource,
    ifNotExists,
    name,
    elements,
    properties,
  });
}

export function parseSourceType(p: Parser): SourceType {
  if (p.acceptKw('STREAM')) return 'STREAM';
  p.expectKw('TABLE');
  return 'TABLE';
}

function parseCreateType(p: Parser, first: Token): Statement {
  const ifNotExists = parseIfNotExists(p);
  const name = p.identifier('new-name');
  p.expectKw('AS');
  const type = parseType(p);
  return base(p, first, { kind: 'CreateTypeStmt', ifNotExists, name, type });
}

/** `( col TYPE [constraint], ... )` */
export function parseTableElements(p: Parser): ColumnDef[] {
  p.expectPunct('(');
  const cols = parseColumnDefs(p);
  p.expectPunct(')');
  return cols;
}

/** `col TYPE [constraint], ...` without parentheses (also the schema-string form). */
export function parseColumnDefs(p: Parser): ColumnDef[] {
  const cols: ColumnDef[] = [];
  do {
    const f = p.tok;
    const name = p.identifier('new-column');
    const type = parseType(p);
    const constraint = parseConstraint(p);
    const span = p.spanFrom(f);
    cols.push(
      constraint
        ? { kind: 'ColumnDef', name, type, constraint, span }
        : { kind: 'ColumnDef', name, type, span },
    );
  } while (p.acceptPunct(','));
  return cols;
}

function parseConstraint(p: Parser): ColumnConstraint | undefined {
  if (p.acceptKw('PRIMARY')) {
    p.expectKw('KEY');
    return { kind: 'PrimaryKey' };
  }
  if (p.acceptKw('KEY')) return { kind: 'Key' };
  if (p.acceptKw('HEADERS')) return { kind: 'Headers' };
  if (p.acceptKw('HEADER')) {
    p.expectPunct('(');
    const key = parseString(p);
    p.expectPunct(')');
    return { kind: 'Header', key };
  }
  return undefined;
}

/** After DROP: STREAM | TABLE | TYPE | CONNECTOR. */
export function parseDrop(p: Parser, first: Token): Statement {
  if (p.acceptKw('TYPE')) {
    const ifExists = parseIfExists(p);
    const name = p.identifier('type');
    return base(p, first, { kind: 'DropTypeStmt', ifExists, name });
  }
  if (p.acceptKw('CONNECTOR')) {
    const ifExists = parseIfExists(p);
    const name = p.identifier('connector');
    return base(p, first, { kind: 'DropConnectorStmt', ifExists, name });
  }
  const sourceType = parseSourceType(p);
  const ifExists = parseIfExists(p);
  const name = p.identifier(sourceType === 'STREAM' ? 'stream' : 'table');
  // DELETE TOPIC and CASCADE may come in either order.
  let deleteTopic = false;
  let cascade = false;
  for (;;) {
    if (!deleteTopic && p.acceptKw('DELETE')) {
      p.expectKw('TOPIC');
      deleteTopic = true;
    } else if (!cascade && p.acceptKw('CASCADE')) {
      cascade = true;
    } else {
      break;
    }
  }
  return base(p, first, { kind: 'DropSourceStmt', sourceType, ifExists, name, deleteTopic, cascade });
}

/** After ALTER: `STREAM|TABLE name ADD [COLUMN] c TYPE, ...` or `SYSTEM 'k' = 'v'`. */
export function parseAlter(p: Parser, first: Token): Statement {
  if (p.acceptKw('SYSTEM')) {
    const name = parseString(p);
    p.expectPunct('=');
    const value = parseString(p);
    return base(p, first, { kind: 'AlterSystemStmt', name, value });
  }
  const sourceType = parseSourceType(p);
  const name: Identifier = p.identifier(sourceType === 'STREAM' ? 'stream' : 'table');
  const addColumns: AddColumn[] = [];
  do {
    const f = p.tok;
    p.expectKw('ADD');
    p.acceptKw('COLUMN');
    const col = p.identifier('new-column');
    const type = parseType(p);
    addColumns.push({ kind: 'AddColumn', name: col, type, span: p.spanFrom(f) });
  } while (p.acceptPunct(','));
  return base(p, first, { kind: 'AlterSourceStmt', sourceType, name, addColumns });
}
