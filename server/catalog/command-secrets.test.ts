import { describe, expect, it } from 'vitest';
import type { CommandRecord } from './command-schema';
import { HIDDEN_VALUE, isSecretProperty, withoutSecrets } from './command-secrets';

describe('withoutSecrets', () => {
  it('hides credential properties of the record and of its query, and keeps the rest', () => {
    const properties = {
      'auto.offset.reset': 'earliest',
      'ssl.truststore.password': 'p',
      'consumer.sasl.jaas.config': 'org.apache… password="p";',
      'ksql.streams.producer.ssl.key.password': 'p',
    };
    const record = {
      version: 1,
      statement: 'CREATE STREAM B AS SELECT * FROM A;',
      properties,
      command: {
        type: 'insertInto',
        query: { id: 'Q', kind: 'INSERT', sql: '', sink: 'B', sources: ['A'], properties, state: 'RUNNING' },
      },
    } as unknown as CommandRecord;
    const hidden = withoutSecrets(record);
    const expected = {
      'auto.offset.reset': 'earliest',
      'ssl.truststore.password': HIDDEN_VALUE,
      'consumer.sasl.jaas.config': HIDDEN_VALUE,
      'ksql.streams.producer.ssl.key.password': HIDDEN_VALUE,
    };
    expect(hidden.properties).toEqual(expected);
    expect(hidden.command.type === 'insertInto' && hidden.command.query.properties).toEqual(expected);
    expect(record.properties['ssl.truststore.password']).toBe('p'); // the input is not changed
  });

  it('knows credentials by name', () => {
    for (const name of [
      'sasl.jaas.config',
      'ssl.keystore.password',
      'ssl.key',
      'basic.auth.credentials',
      'x.api.key',
    ])
      expect(isSecretProperty(name)).toBe(true);
    for (const name of ['auto.offset.reset', 'processing.guarantee', 'ssl.endpoint.identification.algorithm'])
      expect(isSecretProperty(name)).toBe(false);
  });
});
