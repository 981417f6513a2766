import type { Statement } from './ast-statement';
import {
  parseDefine,
  parseDescribe,
  parseExplain,
  parsePrint,
  parseQueryControl,
  parseRunScript,
  parseSet,
  parseShow,
  parseUndefine,
  parseUnset,
} from './parse-admin';
import { parseAlter, parseCreate, parseDrop } from './parse-ddl';
import { parseAssert, parseInsert } from './parse-dml';
import { parseSelect } from './parse-select';
import type { Parser } from './parser';

/** Words that can start a statement, in the order completion offers them. */
export const STATEMENT_KEYWORDS: readonly string[] = [
  'SELECT', 'CREATE', 'INSERT', 'DROP', 'SHOW', 'LIST', 'DESCRIBE', 'EXPLAIN', 'PRINT', 'TERMINATE',
  'ALTER', 'SET', 'UNSET', 'DEFINE', 'UNDEFINE', 'RUN', 'PAUSE', 'RESUME', 'ASSERT',
]; // prettier-ignore

/** One statement (without its `;`), dispatched on the first word. */
export function parseStatementBody(p: Parser): Statement {
  const first = p.tok;
  if (first.kind === 'word') {
    switch (first.value) {
      case 'SELECT':
        return parseSelect(p);
      case 'CREATE':
        p.advance();
        return parseCreate(p, first);
      case 'INSERT':
        p.advance();
        return parseInsert(p, first);
      case 'DROP':
        p.advance();
        return parseDrop(p, first);
      case 'ALTER':
        p.advance();
        return parseAlter(p, first);
      case 'SHOW':
      case 'LIST':
        p.advance();
        return parseShow(p, first);
      case 'DESCRIBE':
        p.advance();
        return parseDescribe(p, first);
      case 'EXPLAIN': {
        p.advance();
        const saved = p.depth;
        p.deeper();
        const stmt = parseExplain(p, first, parseStatementBody);
        p.depth = saved;
        return stmt;
      }
      case 'PRINT':
        p.advance();
        return parsePrint(p, first);
      case 'TERMINATE':
      case 'PAUSE':
      case 'RESUME':
        p.advance();
        return parseQueryControl(p, first);
      case 'SET':
        p.advance();
        return parseSet(p, first);
      case 'UNSET':
        p.advance();
        return parseUnset(p, first);
      case 'DEFINE':
        p.advance();
        return parseDefine(p, first);
      case 'UNDEFINE':
        p.advance();
        return parseUndefine(p, first);
      case 'RUN':
        p.advance();
        return parseRunScript(p, first);
      case 'ASSERT':
        p.advance();
        return parseAssert(p, first);
    }
  }
  for (const k of STATEMENT_KEYWORDS) p.expect(k);
  return p.fail();
}
