import type { z } from 'zod';
import { ErrorCodes } from '../../../lib/contracts/errors';
import { KappaError } from '../../errors/kappa-error';
import type { AnyRequest } from './dual-server';

export function payloadTooLarge(maxBytes: number): KappaError {
  return new KappaError(
    ErrorCodes.PAYLOAD_TOO_LARGE,
    `Request entity too large: the limit is ${maxBytes} bytes.`,
  );
}

/**
 * Reads a whole request body, refusing more than `maxBytes` (413 / 41300) without buffering the
 * rest: a declared Content-Length over the limit is refused before reading anything.
 */
export async function readBody(req: AnyRequest, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buf.length;
    if (total > maxBytes) throw payloadTooLarge(maxBytes);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses JSON text and validates it; any problem is ksqlDB's 40000 bad request. */
export function parseJsonBody<T>(text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KappaError(ErrorCodes.BAD_REQUEST, 'Invalid JSON in request body');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    throw new KappaError(ErrorCodes.BAD_REQUEST, `Invalid request: ${problems}`);
  }
  return parsed.data;
}

export async function readJsonBody<T>(req: AnyRequest, schema: z.ZodType<T>, maxBytes: number): Promise<T> {
  const body = await readBody(req, maxBytes);
  return parseJsonBody(body.toString('utf8'), schema);
}
