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

/** ksqlDB's error body (Kappa adds `diagnostics` with spans); never stack traces or internal paths. */
export function errorBody(error: KappaError): Record<string, unknown> {
  const statement = error.options.statementText !== undefined;
  return {
    '@type': statement ? 'statement_error' : 'generic_error',
    error_code: error.code,
    message: error.message,
    ...(statement
      ? { statementText: error.options.statementText, entities: error.options.entities ?? [] }
      : {}),
    ...(error.diagnostics.length > 0 ? { diagnostics: error.diagnostics } : {}),
  };
}

export function sendError(res: AnyResponse, error: KappaError, extra: Record<string, unknown> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (error.httpStatus === 401) res.setHeader('www-authenticate', 'Basic realm="Kappa", charset="UTF-8"');
  sendJson(res, error.httpStatus, { ...errorBody(error), ...extra });
}

export function sendNotFound(res: AnyResponse): void {
  res.statusCode = 404;
  res.setHeader('content-type', 'text/plain');
  res.end('Not Found');
}
