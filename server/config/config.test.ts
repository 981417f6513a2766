import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses ksqlDB-like defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(8088);
    expect(config.serviceId).toBe('default_');
    expect(config.kafka.bootstrapServers).toEqual(['127.0.0.1:9092']);
  });

  it('reads and splits the bootstrap servers and CORS origins', () => {
    const config = loadConfig({
      KAFKA_BOOTSTRAP_SERVERS: 'a:9092, b:9092',
      KAPPA_CORS_ORIGINS: 'https://x.example,https://y.example',
      KAPPA_PORT: '9000',
    });
    expect(config.kafka.bootstrapServers).toEqual(['a:9092', 'b:9092']);
    expect(config.http.corsOrigins).toEqual(['https://x.example', 'https://y.example']);
    expect(config.http.port).toBe(9000);
  });

  it('rejects a bad port and a bad service id with one readable message', () => {
    expect(() => loadConfig({ KAPPA_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ KAPPA_SERVICE_ID: 'has space' })).toThrow(/KAPPA_SERVICE_ID/);
  });
});

describe('REST protection settings', () => {
  it('defaults to no credentials, 100 push queries and no pull rate limit', () => {
    const { rest } = loadConfig({});
    expect(rest).toEqual({
      basicAuth: [],
      apiKeys: [],
      maxRequestBytes: 4 * 1024 * 1024,
      maxPushQueries: 100,
      pullQueriesPerSecond: null,
    });
  });

  it('reads basic-auth pairs (passwords may contain colons), API keys and limits', () => {
    const { rest } = loadConfig({
      KAPPA_AUTH_BASIC: 'alice:s3cr:et, bob:pw',
      KAPPA_API_KEYS: 'k1,k2',
      KAPPA_MAX_REQUEST_BYTES: '1024',
      KAPPA_MAX_PUSH_QUERIES: '5',
      KAPPA_PULL_QPS: '2.5',
    });
    expect(rest.basicAuth).toEqual([
      { user: 'alice', password: 's3cr:et' },
      { user: 'bob', password: 'pw' },
    ]);
    expect(rest.apiKeys).toEqual(['k1', 'k2']);
    expect(rest.maxRequestBytes).toBe(1024);
    expect(rest.maxPushQueries).toBe(5);
    expect(rest.pullQueriesPerSecond).toBe(2.5);
  });

  it('rejects a basic-auth entry without a password', () => {
    expect(() => loadConfig({ KAPPA_AUTH_BASIC: 'alice' })).toThrow(/KAPPA_AUTH_BASIC/);
  });
});
