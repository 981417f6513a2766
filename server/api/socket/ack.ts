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
 * socket.io passes the client's ack function as the last argument, wherever that is: a client
 * that sends no payload, or extra arguments, still gets its answer (else it would wait forever).
 */
export function splitArgs<R = never>(
  args: readonly unknown[],
): { payload: unknown; ack: ((result: R) => void) | undefined } {
  const last = args[args.length - 1];
  const ack = typeof last === 'function' ? (last as (result: R) => void) : undefined;
  return { payload: typeof args[0] === 'function' ? undefined : args[0], ack };
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
): (...args: unknown[]) => void {
  return (...args) => {
    const { payload, ack } = splitArgs(args);
    if (ack === undefined) return;
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

/** The same for requests that carry no payload (the ack is the only argument, or the last). */
export function ackOnlyHandler<T>(
  logger: Logger,
  what: string,
  handler: () => Promise<T> | T,
): (...args: unknown[]) => void {
  return (...args) => {
    const { ack } = splitArgs(args);
    if (ack === undefined) return;
    const answer = ack as AckFn<T>;
    Promise.resolve()
      .then(handler)
      .then(
        (value) => answer({ ok: true, value }),
        (error: unknown) => answer(ackError(error, logger, what)),
      );
  };
}
