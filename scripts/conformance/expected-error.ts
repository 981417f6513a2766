/**
 * Matching a QTT `expectedException` against what Kappa raised. ksqlDB compares the Java class and a
 * message substring; the class cannot mean anything here, so only the message counts. ksqlDB
 * matches statement errors against their "unlogged" message too, which ends with
 * `\nStatement: <sql>`, so some expected messages carry that suffix: it is rebuilt here.
 * `causeMessage` (the message of the wrapped cause, for errors raised while processing records)
 * matches as well.
 */
export interface ExpectedError {
  /** The Java class; only its role matters (see `mustComeFromLastStatement`). */
  readonly type?: string;
  readonly message?: string;
  readonly causeMessage?: string;
}

/**
 * ksqlDB checks that a `KsqlStatementException` names the case's last statement: an earlier
 * statement failing, even with the right words, is a broken setup, not the tested rejection.
 */
export function mustComeFromLastStatement(expected: ExpectedError): boolean {
  return expected.type?.endsWith('.KsqlStatementException') === true;
}

export interface RaisedError {
  readonly message: string;
  /** The statement that failed; undefined for errors raised while processing records. */
  readonly statement?: string;
  /** For the failure text only: the message with its hidden cause (see `describeError`). */
  readonly display?: string;
}

export function errorMatches(expected: ExpectedError, raised: RaisedError): boolean {
  const candidates = [raised.message];
  if (raised.statement !== undefined) candidates.push(`${raised.message}\nStatement: ${raised.statement}`);
  const wanted = [expected.message, expected.causeMessage].filter((m): m is string => m !== undefined);
  if (wanted.length === 0) return true;
  return wanted.some((w) => candidates.some((c) => c.includes(w)));
}

/** The failure text for a wrong message, with a hint when only case or spacing differ. */
export function errorMismatch(expected: ExpectedError, raised: RaisedError): string {
  const want = expected.message ?? expected.causeMessage ?? '';
  const loose = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const hint = loose(raised.message).includes(loose(want)) ? ' (matches ignoring case/spacing)' : '';
  return `expected error containing ${JSON.stringify(want)}, got ${JSON.stringify(oneLine(raised.display ?? raised.message))}${hint}`;
}

export function oneLine(s: string, max = 300): string {
  const t = s.replace(/\s*\n\s*/g, ' ⏎ ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
