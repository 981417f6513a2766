import { describe, expect, it } from 'vitest';
import { KappaError } from '../../errors/kappa-error';
import { propertyProblem, requestProperties, requestVariables, withQueryDefaults } from './properties';

describe('request properties', () => {
  it('accepts ksqlDB settings, streams/consumer/producer settings and their prefixed forms', () => {
    for (const name of [
      'auto.offset.reset',
      'ksql.streams.auto.offset.reset',
      'ksql.query.pull.table.scan.enabled',
      'ksql.functions.collect_list.limit',
      'consumer.max.poll.records',
      'ksql.streams.producer.linger.ms',
      'ssl.truststore.location',
    ]) {
      expect(propertyProblem(name), name).toBeUndefined();
    }
  });

  it('rejects unknown and denied names with ksqlDB messages', () => {
    expect(propertyProblem('foo.bar')).toMatch(/Not recognizable as ksql, streams, consumer, or producer/);
    expect(propertyProblem('ksql.not.a.thing')).toMatch(/Not recognizable/);
    expect(propertyProblem('ksql.service.id')).toBe("Cannot override property 'ksql.service.id'");
    expect(propertyProblem('ksql.streams.bootstrap.servers')).toMatch(/Cannot override/);
  });

  it('converts values to text and throws 40000 for a bad name', () => {
    expect(
      requestProperties({ 'auto.offset.reset': 'earliest', 'commit.interval.ms': 10, 'linger.ms': null }),
    ).toEqual({
      'auto.offset.reset': 'earliest',
      'commit.interval.ms': '10',
    });
    expect(() => requestProperties({ bogus: 1 })).toThrow(KappaError);
    expect(requestVariables({ a: 1, b: true, c: 'x' })).toEqual({ a: '1', b: 'true', c: 'x' });
  });

  it('makes latest the default offset reset for queries', () => {
    expect(withQueryDefaults({})).toEqual({ 'auto.offset.reset': 'latest' });
    expect(withQueryDefaults({ 'ksql.streams.auto.offset.reset': 'earliest' })).toEqual({
      'ksql.streams.auto.offset.reset': 'earliest',
    });
  });
});
