import { ErrorCodes, httpStatusOf, type ErrorCode } from '../../lib/contracts/errors';
import type { Diagnostic } from '../../lib/contracts/diagnostics';

/**
 * The one error class of the engine. Every failure that reaches a user is a KappaError with a code
 * from the closed ksqlDB-style table; anything else is normalized by `toKappaError` at a boundary,
 * and its details go to the log, not to the user.
 */
export class KappaError extends Error {
  override readonly name = 'KappaError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: {
      readonly diagnostics?: readonly Diagnostic[];
      readonly statementText?: string;
      /** Entities of the statements of the same request that did run (ksqlDB's statement_error). */
      readonly entities?: readonly unknown[];
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
  }

  get httpStatus(): number {
    return httpStatusOf(this.code);
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.options.diagnostics ?? [];
  }
}

/** Converts anything thrown into a KappaError; unknown errors become 50000 with a neutral message. */
export function toKappaError(error: unknown): KappaError {
  if (error instanceof KappaError) return error;
  return new KappaError(ErrorCodes.SERVER_ERROR, 'Internal server error', { cause: error });
}

export function badStatement(
  message: string,
  diagnostics?: readonly Diagnostic[],
  statementText?: string,
): KappaError {
  return new KappaError(ErrorCodes.BAD_STATEMENT, message, { diagnostics, statementText });
}
