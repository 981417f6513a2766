import type { AnyResponse } from './dual-server';
import { type KappaError } from '../../errors/kappa-error';

export const KSQL_JSON = 'application/vnd.ksql.v1+json';

export function sendJson(
  res: AnyResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', contentType);
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/** ksqlDB's error body; never includes stack traces or internal paths. */
export function sendError(res: AnyResponse, error: KappaError, extra: Record<string, unknown> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, error.httpStatus, {
    '@type': error.options.statementText !== undefined ? 'statement_error' : 'generic_error',
    error_code: error.code,
    message: error.message,
    ...(error.options.statementText !== undefined
      ? { statementText: error.options.statementText, entities: [] }
      : {}),
    ...extra,
  });
}

export function sendNotFound(res: AnyResponse): void {
  res.statusCode = 404;
  res.setHeader('content-type', 'text/plain');
  res.end('Not Found');
}
