import type { ShowTarget, Statement } from './ast-statement';
import { parseCount, parseResourceName, parseString } from './parse-common';
import { base } from './statement-base';
import type { Parser } from './parser';
import type { Token } from './token';

const SHOW_TARGETS: readonly ShowTarget[] = [
  'STREAMS', 'TABLES', 'TOPICS', 'QUERIES', 'PROPERTIES', 'FUNCTIONS', 'TYPES', 'VARIABLES', 'CONNECTORS',
]; // prettier-ignore
const EXTENDABLE: ReadonlySet<ShowTarget> = new Set(['STREAMS', 'TABLES', 'TOPICS', 'QUERIES']);

/** After SHOW or LIST. */
export function parseShow(p: Parser, first: Token): Statement {
  if (p.acceptKw('ALL')) {
    p.expectKw('TOPICS');
    const extended = p.acceptKw('EXTENDED');
    return base(p, first, { kind: 'ShowStmt', target: 'TOPICS', extended, all: true });
  }
  if ((p.isKw('SOURCE') || p.isKw('SINK')) && p.isKw('CONNECTORS', 1)) {
    const connectorType = p.advance().value === 'SINK' ? 'SINK' : 'SOURCE';
    p.advance();
    return base(p, first, {
      kind: 'ShowStmt',
      target: 'CONNECTORS',
      extended: false,
      all: false,
      connectorType,
    });
  }
  p.expect('SOURCE');
  p.expect('SINK');
  let target: ShowTarget | undefined;
  if (p.isKw('CONNECTOR') && p.isKw('PLUGINS', 1)) {
    p.advance();
    p.advance();
    target = 'CONNECTOR_PLUGINS';
  } else {
    target = SHOW_TARGETS.find((t) => p.acceptKw(t));
    if (target === undefined) {
      p.expect('CONNECTOR');
      return p.fail();
    }
  }
  const extended = EXTENDABLE.has(target) && p.acceptKw('EXTENDED');
  return base(p, first, { kind: 'ShowStmt', target, extended, all: false });
}

/** After DESCRIBE. */
export function parseDescribe(p: Parser, first: Token): Statement {
  if ((p.isKw('STREAMS') || p.isKw('TABLES')) && !p.isPunct('.', 1)) {
    const target = p.advance().value === 'STREAMS' ? 'STREAMS' : 'TABLES';
    const extended = p.acceptKw('EXTENDED');
    return base(p, first, { kind: 'DescribeSourcesStmt', target, extended });
  }
  p.expect('STREAMS');
  p.expect('TABLES');
  if (p.isKw('FUNCTION') && (p.isIdentAt(1) || p.cursorAt(1))) {
    p.advance();
    const name = p.identifier('function');
    return base(p, first, { kind: 'DescribeFunctionStmt', name });
  }
  p.expect('FUNCTION');
  if (p.isKw('CONNECTOR') && (p.isIdentAt(1) || p.cursorAt(1))) {
    p.advance();
    const name = p.identifier('connector');
    return base(p, first, { kind: 'DescribeConnectorStmt', name });
  }
  p.expect('CONNECTOR');
  // Older ksqlDB releases wrote DESCRIBE EXTENDED name; the grammar now puts EXTENDED last.
  const leading =
    p.isKw('EXTENDED') && (p.isIdentAt(1) || p.cursorAt(1))
      ? (p.advance(), true)
      : (p.expect('EXTENDED'), false);
  const source = p.identifier('source');
  const extended = leading || p.acceptKw('EXTENDED');
  return base(p, first, { kind: 'DescribeStmt', source, extended });
}

/** After PRINT: `topic [FROM BEGINNING] [INTERVAL|SAMPLE n] [LIMIT n]`. */
export function parsePrint(p: Parser, first: Token): Statement {
  const topic = parseResourceName(p);
  let fromBeginning = false;
  if (p.acceptKw('FROM')) {
    p.expectKw('BEGINNING');
    fromBeginning = true;
  }
  const interval = p.acceptKw('INTERVAL') || p.acceptKw('SAMPLE') ? parseCount(p) : undefined;
  const limit = p.acceptKw('LIMIT') ? parseCount(p) : undefined;
  return base(p, first, {
    kind: 'PrintStmt',
    topic,
    fromBeginning,
    ...(interval === undefined ? {} : { interval }),
    ...(limit === undefined ? {} : { limit }),
  });
}

/** After TERMINATE, PAUSE or RESUME: `queryId | ALL`. */
export function parseQueryControl(p: Parser, first: Token): Statement {
  const kind =
    first.value === 'TERMINATE' ? 'TerminateStmt' : first.value === 'PAUSE' ? 'PauseStmt' : 'ResumeStmt';
  if (p.acceptKw('ALL')) return base(p, first, { kind, all: true });
  const queryId = p.identifier('query');
  return base(p, first, { kind, queryId, all: false });
}

/** After EXPLAIN: a statement, or a query id. */
export function parseExplain(p: Parser, first: Token, parseInner: (p: Parser) => Statement): Statement {
  if (p.isIdentAt() && (p.isPunct(';', 1) || p.peek().kind === 'eof') && !p.isKw('SHOW') && !p.isKw('LIST')) {
    const queryId = p.identifier('query');
    return base(p, first, { kind: 'ExplainStmt', queryId });
  }
  p.expect('<query>');
  const statement = parseInner(p);
  return base(p, first, { kind: 'ExplainStmt', statement });
}

/** After SET: `'name' = 'value'`. */
export function parseSet(p: Parser, first: Token): Statement {
  const name = parseString(p);
  p.expectPunct('=');
  const value = parseString(p);
  return base(p, first, { kind: 'SetPropertyStmt', name, value });
}

export function parseUnset(p: Parser, first: Token): Statement {
  const name = parseString(p);
  return base(p, first, { kind: 'UnsetPropertyStmt', name });
}

/** After DEFINE: `name = 'value'`. */
export function parseDefine(p: Parser, first: Token): Statement {
  const name = p.identifier('variable');
  p.expectPunct('=');
  const value = parseString(p);
  return base(p, first, { kind: 'DefineVariableStmt', name, value });
}

export function parseUndefine(p: Parser, first: Token): Statement {
  const name = p.identifier('variable');
  return base(p, first, { kind: 'UndefineVariableStmt', name });
}

/** After RUN: `SCRIPT 'path'`. */
export function parseRunScript(p: Parser, first: Token): Statement {
  p.expectKw('SCRIPT');
  const path = parseString(p);
  return base(p, first, { kind: 'RunScriptStmt', path });
}
