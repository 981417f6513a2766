import type { Statement } from '../ast';
import { parseStatement } from '../script';

/** Test support: parses one statement and fails the test with the diagnostics when it does not parse. */
export function parseOk(sql: string): Statement {
  const r = parseStatement(sql);
  if (!r.statement) throw new Error(`${sql}\n${r.diagnostics.map((d) => d.message).join('\n')}`);
  return r.statement;
}
