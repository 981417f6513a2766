import { z } from 'zod';

/**
 * ksqlDB's error codes: HTTP status × 100 + n. The closed table every layer uses; the engine maps
 * each to its HTTP status, the CLI and workbench show the code next to the message.
 */
export const ErrorCodes = {
  BAD_REQUEST: 40000,
  BAD_STATEMENT: 40001,
  QUERY_ENDPOINT: 40002,
  TOO_MANY_PUSH_QUERIES: 40003,
  HTTP2_ONLY: 40004,
  INTERNAL_ONLY: 40005,
  UNAUTHORIZED: 40100,
  FORBIDDEN: 40300,
  FORBIDDEN_KAFKA_ACCESS: 40301,
  NOT_FOUND: 40400,
  NOT_ACCEPTABLE: 40600,
  PAYLOAD_TOO_LARGE: 41300,
  ASSERT_FAILED: 41700,
  SCHEMA_REGISTRY_NOT_CONFIGURED: 42801,
  TOO_MANY_REQUESTS: 42900,
  SERVER_ERROR: 50000,
  COMMAND_QUEUE_CATCHUP_TIMEOUT: 50301,
  SERVER_NOT_READY: 50302,
  SERVER_SHUTTING_DOWN: 50303,
  SERVER_SHUT_DOWN: 50304,
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export function httpStatusOf(code: number): number {
  return Math.floor(code / 100);
}

/** ksqlDB's generic error body (`KsqlErrorMessage`). */
export const ErrorBodySchema = z.object({
  '@type': z.string(),
  error_code: z.number().int(),
  message: z.string(),
  stackTrace: z.array(z.string()).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
