import type { z } from 'zod';
import { ErrorCodes } from '../../../lib/contracts/errors';
import type { Ack } from '../../../lib/contracts/socket';
import { toKappaError } from '../../errors/kappa-error';
import type { Logger } from '../../log/logger';

type AckFn<T> = (result: Ack<T>) => void;

/** The message of the first zod issue, with its path, in plain words. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid request.';
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `Invalid request: ${path}${issue.message}`;
}

/** The Ack answer for anything thrown: ksqlDB's code, and no internal details for unknown errors. */
export function ackError(error: unknown, logger: Logger, what: string): Ack<never> {
  const kappa = toKappaError(error);
  if (kappa.code === ErrorCodes.SERVER_ERROR) logger.error(`${what} failed`, { error });
  return { ok: false, code: kappa.code, message: kappa.message };
}

/**
 * Wraps a request handler that answers through a socket.io ack: validates the payload with zod
 * (a bad payload answers 40000), runs the handler, and turns whatever it throws into an Ack error.
 * A client that sent no ack function gets nothing (there is no one to answer).
 */
export function ackHandler<S extends z.ZodType, T>(
  schema: S,
  logger: Logger,
  what: string,
  handler: (request: z.output<S>) => Promise<T> | T,
): (payload: unknown, ack: unknown) => void {
  return (payload, ack) => {
    if (typeof ack !== 'function') return;
    const answer = ack as AckFn<T>;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      answer({ ok: false, code: ErrorCodes.BAD_REQUEST, message: describeZodError(parsed.error) });
      return;
    }
    Promise.resolve()
      .then(() => handler(parsed.data))
      .then(
        (value) => answer({ ok: true, value }),
        (error: unknown) => answer(ackError(error, logger, what)),
      );
  };
}

/** The same for requests that carry no payload (the ack is the only argument). */
export function ackOnlyHandler<T>(
  logger: Logger,
  what: string,
  handler: () => Promise<T> | T,
): (ack: unknown) => void {
  return (ack) => {
    if (typeof ack !== 'function') return;
    const answer = ack as AckFn<T>;
    Promise.resolve()
      .then(handler)
      .then(
        (value) => answer({ ok: true, value }),
        (error: unknown) => answer(ackError(error, logger, what)),
      );
  };
}
