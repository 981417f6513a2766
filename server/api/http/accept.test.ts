import { describe, expect, it } from 'vitest';
import { negotiate } from './accept';

const supported = [
  'application/vnd.ksqlapi.delimited.v1',
  'application/json',
  'application/vnd.ksql.v1+json',
];
const fallback = 'application/vnd.ksqlapi.delimited.v1';

describe('negotiate', () => {
  it('uses the default without an Accept header or for */*', () => {
    expect(negotiate(undefined, supported, fallback)).toBe(fallback);
    expect(negotiate('', supported, fallback)).toBe(fallback);
    expect(negotiate('*/*', supported, fallback)).toBe(fallback);
  });

  it('takes the best supported type by quality, then by order', () => {
    expect(negotiate('application/json', supported, fallback)).toBe('application/json');
    expect(negotiate('text/html, application/vnd.ksql.v1+json', supported, fallback)).toBe(
      'application/vnd.ksql.v1+json',
    );
    expect(negotiate('application/json;q=0.5, application/vnd.ksql.v1+json', supported, fallback)).toBe(
      'application/vnd.ksql.v1+json',
    );
    expect(negotiate('application/*', supported, fallback)).toBe(fallback);
  });

  it('gives undefined when nothing is acceptable', () => {
    expect(negotiate('text/html', supported, fallback)).toBeUndefined();
    expect(negotiate('application/json;q=0', supported, fallback)).toBeUndefined();
  });
});
