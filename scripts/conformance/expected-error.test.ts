import { describe, expect, it } from 'vitest';
import { errorMatches, errorMismatch } from './expected-error';

describe('errorMatches', () => {
  it('matches a message substring, case-sensitively', () => {
    expect(
      errorMatches({ message: 'cannot be resolved' }, { message: "Column 'X' cannot be resolved." }),
    ).toBe(true);
    expect(
      errorMatches({ message: 'Cannot be resolved' }, { message: "Column 'X' cannot be resolved." }),
    ).toBe(false);
  });

  it("rebuilds ksqlDB's unlogged message, which ends with the statement", () => {
    const statement = 'CREATE STREAM X AS SELECT * FROM Y;';
    const expected = { message: `Boom.\nStatement: ${statement}` };
    expect(errorMatches(expected, { message: 'Boom.', statement })).toBe(true);
    expect(errorMatches(expected, { message: 'Boom.' })).toBe(false);
  });

  it('accepts the cause message of errors raised while processing', () => {
    const expected = { message: 'Exception caught in process', causeMessage: 'Numeric field overflow' };
    expect(
      errorMatches(expected, { message: 'Numeric field overflow: 1000 does not fit DECIMAL(3, 1)' }),
    ).toBe(true);
  });

  it('accepts any error when no message is expected', () => {
    expect(errorMatches({}, { message: 'anything' })).toBe(true);
  });
});

describe('errorMismatch', () => {
  it('shows the actual message on one line, with a hint for case-only differences', () => {
    expect(
      errorMismatch({ message: "Function 'greatest'" }, { message: "Function 'GREATEST' does\nnot" }),
    ).toBe(
      'expected error containing "Function \'greatest\'", got "Function \'GREATEST\' does ⏎ not" (matches ignoring case/spacing)',
    );
    expect(errorMismatch({ message: 'zzz' }, { message: 'Internal', display: 'Internal (cause: x)' })).toBe(
      'expected error containing "zzz", got "Internal (cause: x)"',
    );
  });
});
