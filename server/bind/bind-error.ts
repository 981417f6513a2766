import type { Span } from '../../lib/contracts/span';
import { ErrorCodes } from '../../lib/contracts/errors';
import { KappaError } from '../errors/kappa-error';

/**
 * A statement the engine cannot accept (ksqlDB 40001), pointing at the part of the SQL at fault
 * when there is one, so editors can mark it.
 */
export function bindError(message: string, span?: Span): KappaError {
  return new KappaError(ErrorCodes.BAD_STATEMENT, message, {
    diagnostics: span ? [{ severity: 'error', message, code: ErrorCodes.BAD_STATEMENT, span }] : [],
  });
}

/**
 * A statement error that ksqlDB reports with its position first (`Line: 3, Col: 38: …`). The
 * diagnostic keeps the plain message: editors show the position themselves.
 */
export function bindErrorAt(message: string, span: Span): KappaError {
  return new KappaError(
    ErrorCodes.BAD_STATEMENT,
    `Line: ${span.startLine}, Col: ${span.startColumn}: ${message}`,
    {
      diagnostics: [{ severity: 'error', message, code: ErrorCodes.BAD_STATEMENT, span }],
    },
  );
}
