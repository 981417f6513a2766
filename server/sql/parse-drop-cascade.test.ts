import { describe, expect, it } from 'vitest';
import { formatStatement } from './format-statement';
import { parseStatement } from './script';
import { parseOk } from './testing/parse-ok';

describe('DROP … CASCADE (a Kappa extension)', () => {
  it.each([
    ['DROP STREAM s', false, false],
    ['DROP STREAM s CASCADE', false, true],
    ['DROP TABLE IF EXISTS t DELETE TOPIC CASCADE', true, true],
    ['DROP TABLE t CASCADE DELETE TOPIC', true, true],
  ])('%s', (sql, deleteTopic, cascade) => {
    expect(parseOk(sql)).toMatchObject({ kind: 'DropSourceStmt', deleteTopic, cascade });
  });

  it('formats CASCADE after DELETE TOPIC and parses its own output', () => {
    const text = formatStatement(parseOk('drop table t cascade delete topic'));
    expect(text).toBe('DROP TABLE T DELETE TOPIC CASCADE');
    expect(parseOk(text)).toMatchObject({ cascade: true, deleteTopic: true });
  });

  it('rejects CASCADE written twice', () => {
    expect(parseStatement('DROP STREAM s CASCADE CASCADE').statement).toBeUndefined();
  });

  it('still accepts CASCADE as a column or source name', () => {
    expect(parseOk('DROP STREAM cascade')).toMatchObject({ name: { name: 'CASCADE' }, cascade: false });
  });
});
