import http from 'node:http';
import type { AnyResponse } from './dual-server';
import { type KappaError } from '../../errors/kappa-error';

export const KSQL_JSON = 'application/vnd.ksql.v1+json';

export function sendJson(
  res: AnyResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const bytes = Buffer.from(JSON.stringify(body)); // a Buffer: see response-io.ts on HTTP/2 strings
  res.statusCode = status;
  res.setHeader('content-type', contentType);
  res.setHeader('content-length', bytes.length);
  res.end(bytes);
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
  // An HTTP/1.1 body we stopped reading (too large, bad first line) leaves the connection unusable.
  if (res instanceof http.ServerResponse && !res.req.complete) res.setHeader('connection', 'close');
  if (error.httpStatus === 401) res.setHeader('www-authenticate', 'Basic realm="Kappa", charset="UTF-8"');
  sendJson(res, error.httpStatus, { ...errorBody(error), ...extra });
}

export function sendNotFound(res: AnyResponse): void {
  res.statusCode = 404;
  res.setHeader('content-type', 'text/plain');
  res.end(Buffer.from('Not Found'));
}
