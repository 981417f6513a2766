import { ErrorCodes } from '../../../lib/contracts/errors';
import { toKappaError, type KappaError } from '../../errors/kappa-error';
import type { Logger } from '../../log/logger';
import type { KappaSocket } from './socket-server';

/** Session properties as the engine takes them (the browser may send numbers and booleans). */
export function stringProperties(
  properties: Readonly<Record<string, string | number | boolean>>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, String(v)]));
}

/**
 * Answers a failed run with `query:error`: ksqlDB's code, the message, and the diagnostics with
 * spans when the user's SQL is at fault. Unknown errors are logged and shown neutrally.
 */
export function emitRunError(socket: KappaSocket, runId: string, error: unknown, logger: Logger): KappaError {
  const kappa = toKappaError(error);
  if (kappa.code === ErrorCodes.SERVER_ERROR) logger.error('run failed', { runId, error });
  socket.emit('query:error', {
    runId,
    code: kappa.code,
    message: kappa.message,
    diagnostics: [...kappa.diagnostics],
  });
  return kappa;
}
