import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../contracts/diagnostics';
import { quickFixes, withoutPosition } from './quick-fixes';

const span = (start: number, end: number) => ({
  start,
  end,
  startLine: 1,
  startColumn: start + 1,
  endLine: 1,
  endColumn: end + 1,
});

describe('quickFixes', () => {
  it('offers the nearest column for a misspelled one', () => {
    const sql = 'SELECT AMOUTN FROM orders EMIT CHANGES;';
    const d: Diagnostic = {
      severity: 'error',
      message: "Column 'AMOUTN' cannot be resolved.",
      span: span(7, 13),
    };
    expect(quickFixes(d, sql, ['ID', 'AMOUNT'])).toEqual([
      { title: 'Change AMOUTN to AMOUNT', edits: [{ span: { start: 7, end: 13 }, text: 'AMOUNT' }] },
    ]);
  });

  it('appends EMIT CHANGES when the engine asks for it', () => {
    const sql = 'SELECT * FROM orders;';
    const d: Diagnostic = { severity: 'error', message: 'Push queries need EMIT CHANGES.', span: span(0, 6) };
    expect(quickFixes(d, sql, [])).toEqual([
      { title: 'Add EMIT CHANGES', edits: [{ span: { start: 20, end: 20 }, text: ' EMIT CHANGES' }] },
    ]);
  });

  it('keeps the server’s fixes first and adds nothing unclear', () => {
    const fix = { title: 'Add EMIT CHANGES', edits: [{ span: span(20, 20), text: ' EMIT CHANGES' }] };
    const d: Diagnostic = {
      severity: 'error',
      message: 'needs EMIT CHANGES',
      span: span(0, 6),
      fixes: [fix],
    };
    expect(quickFixes(d, 'SELECT * FROM orders;', [])).toEqual([fix]);
    expect(quickFixes({ severity: 'error', message: 'syntax error', span: span(0, 1) }, 'x', ['X1'])).toEqual(
      [],
    );
  });
});

describe('withoutPosition', () => {
  it('drops the statement-relative position from a syntax error', () => {
    expect(withoutPosition("Syntax Error at line 2, column 33: expected ';' but found '10'")).toBe(
      "Syntax Error: expected ';' but found '10'",
    );
    expect(withoutPosition('Stream FOO does not exist.')).toBe('Stream FOO does not exist.');
  });
});
