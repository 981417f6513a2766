import { z } from 'zod';

/**
 * The engine's configuration, read from the environment once at start-up. This module is the only
 * reader of process.env in server/; everything else receives a typed `EngineConfig`.
 */
const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0),
);

const EnvSchema = z.object({
  KAFKA_BOOTSTRAP_SERVERS: z.string().min(1).default('127.0.0.1:9092'),
  KAPPA_HOST: z.string().default('127.0.0.1'),
  KAPPA_PORT: z.coerce.number().int().min(0).max(65535).default(8088),
  KAPPA_SERVICE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" and "-" only')
    .default('default_'),
  KAPPA_DATA_DIR: z.string().default('.kappa'),
  KAPPA_CORS_ORIGINS: csv.default(['http://localhost:3000', 'http://127.0.0.1:3000']),
  KAPPA_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  KAPPA_LOG_FORMAT: z.enum(['pretty', 'json']).default('pretty'),
  KAPPA_KAFKA_CLIENT_ID: z.string().default('kappa'),
  KAPPA_HEALTH_INTERVAL_MS: z.coerce.number().int().positive().default(5000),
  DATABASE_URL: z.string().optional(),
  // REST protection (server/api/README.md). Credentials are "user:password" pairs, comma-separated.
  KAPPA_AUTH_BASIC: csv.default([]),
  KAPPA_API_KEYS: csv.default([]),
  KAPPA_MAX_REQUEST_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  KAPPA_MAX_PUSH_QUERIES: z.coerce.number().int().nonnegative().default(100),
  /** Pull queries per second accepted by this engine; 0 means no limit. */
  KAPPA_PULL_QPS: z.coerce.number().nonnegative().default(0),
});

export type EngineConfig = Readonly<{
  kafka: { bootstrapServers: string[]; clientId: string };
  http: { host: string; port: number; corsOrigins: string[] };
  serviceId: string;
  dataDir: string;
  log: { level: 'debug' | 'info' | 'warn' | 'error'; format: 'pretty' | 'json' };
  healthIntervalMs: number;
  /** PostgreSQL (postgres://…) or SQLite (file:…) for saved queries; default SQLite in dataDir. */
  databaseUrl: string | undefined;
  /** REST (and socket.io handshake) protection; limits follow ksqlDB's defaults. */
  rest: {
    basicAuth: { user: string; password: string }[];
    apiKeys: string[];
    maxRequestBytes: number;
    maxPushQueries: number;
    /** null: no pull query rate limit. */
    pullQueriesPerSecond: number | null;
  };
}>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): EngineConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    kafka: {
      bootstrapServers: e.KAFKA_BOOTSTRAP_SERVERS.split(',').map((s) => s.trim()),
      clientId: e.KAPPA_KAFKA_CLIENT_ID,
    },
    http: { host: e.KAPPA_HOST, port: e.KAPPA_PORT, corsOrigins: e.KAPPA_CORS_ORIGINS },
    serviceId: e.KAPPA_SERVICE_ID,
    dataDir: e.KAPPA_DATA_DIR,
    log: { level: e.KAPPA_LOG_LEVEL, format: e.KAPPA_LOG_FORMAT },
    healthIntervalMs: e.KAPPA_HEALTH_INTERVAL_MS,
    databaseUrl: e.DATABASE_URL,
    rest: {
      basicAuth: e.KAPPA_AUTH_BASIC.map(parseUserPassword),
      apiKeys: e.KAPPA_API_KEYS,
      maxRequestBytes: e.KAPPA_MAX_REQUEST_BYTES,
      maxPushQueries: e.KAPPA_MAX_PUSH_QUERIES,
      pullQueriesPerSecond: e.KAPPA_PULL_QPS > 0 ? e.KAPPA_PULL_QPS : null,
    },
  };
}

/** "user:password" (the password may itself contain ':'). */
function parseUserPassword(pair: string): { user: string; password: string } {
  const colon = pair.indexOf(':');
  if (colon <= 0 || colon === pair.length - 1) {
    throw new ConfigError('Invalid configuration: KAPPA_AUTH_BASIC: expected user:password pairs');
  }
  return { user: pair.slice(0, colon), password: pair.slice(colon + 1) };
}
