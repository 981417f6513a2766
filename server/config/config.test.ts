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
