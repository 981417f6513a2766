import { describe, expect, it } from 'vitest';
import { expandCase, expandFile } from './expand';
import type { QttCaseNode } from './qtt-schema';

const node = (extra: Partial<QttCaseNode>): QttCaseNode => ({
  name: 'my case',
  statements: ["CREATE STREAM S (A INT) WITH (kafka_topic='t', value_format='{FORMAT}');"],
  ...extra,
});

describe('expandCase', () => {
  it('keeps a case without format or config as one variant named <file> - <name>', () => {
    const [c, ...rest] = expandCase('things.json', node({}), 0);
    expect(rest).toEqual([]);
    expect(c?.name).toBe('things - my case');
    expect(c?.statements[0]).toContain("value_format='{FORMAT}'");
    expect(c?.enabled).toBe(true);
  });

  it('makes one variant per format, substituting {FORMAT} in statements and topics', () => {
    const cases = expandCase(
      'things.json',
      node({ format: ['JSON', 'DELIMITED'], topics: [{ name: 't', valueFormat: '{FORMAT}' }] }),
      3,
    );
    expect(cases.map((c) => c.name)).toEqual(['things - my case - JSON', 'things - my case - DELIMITED']);
    expect(cases.map((c) => c.index)).toEqual([3, 4]);
    expect(cases[1]?.statements[0]).toContain("value_format='DELIMITED'");
    expect(cases[1]?.topics[0]?.valueFormat).toBe('DELIMITED');
  });

  it('crosses formats with configs, substituting property values that are exactly {CONFIG}', () => {
    const cases = expandCase(
      'f.json',
      node({
        format: ['JSON', 'KAFKA'],
        config: ['true', 'false'],
        properties: { 'a.b': '{CONFIG}', c: 'keep' },
      }),
      0,
    );
    expect(cases.map((c) => c.name)).toEqual([
      'f - my case - JSON - true',
      'f - my case - JSON - false',
      'f - my case - KAFKA - true',
      'f - my case - KAFKA - false',
    ]);
    expect(cases[1]?.properties).toEqual({ 'a.b': 'false', c: 'keep' });
  });

  it('marks disabled cases', () => {
    expect(expandCase('f.json', node({ enabled: false }), 0)[0]?.enabled).toBe(false);
  });
});

describe('expandFile', () => {
  it('numbers variants across the whole file', () => {
    const cases = expandFile('f.json', [node({ format: ['A', 'B'] }), node({ name: 'second' })]);
    expect(cases.map((c) => [c.index, c.name])).toEqual([
      [0, 'f - my case - A'],
      [1, 'f - my case - B'],
      [2, 'f - second'],
    ]);
  });
});
