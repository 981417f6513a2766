import { describe, expect, it } from 'vitest';
import { Catalog } from '../../server/catalog/catalog';
import type { DataSource } from '../../server/types/data-source';
import { BIGINT, INTEGER, STRING } from '../../server/types/sql-type';
import { fakeSource } from './fixtures/fake-driver';
import { postDifference } from './post-conditions';
import type { QttPost } from './qtt-schema';

function catalogOf(...sources: DataSource[]) {
  const draft = Catalog.EMPTY.draft();
  for (const s of sources) draft.sources.set(s.name, s);
  return draft.build();
}

const table = fakeSource('OUT', 'OUT', {
  kind: 'TABLE',
  key: [INTEGER],
  value: [STRING, BIGINT],
  keyFormat: 'JSON',
});
const windowed = fakeSource('W', 'W', {
  kind: 'TABLE',
  key: [INTEGER],
  window: { type: 'HOPPING', sizeMs: 30000, advanceMs: 1000 },
});
const view = {
  catalog: catalogOf(table, windowed),
  topics: ['in', 'OUT', 'W', '_confluent-ksql-x-changelog'],
};
const check = (post: QttPost): string | undefined => postDifference(post, view);

describe('postDifference', () => {
  it('accepts a matching source, whatever the schema string spelling', () => {
    expect(
      check({
        sources: [
          {
            name: 'OUT',
            type: 'table',
            schema: 'k0 int primary key, `V0` varchar, V1 BIGINT',
            valueFormat: 'JSON',
          },
        ],
      }),
    ).toBeUndefined();
  });

  it('reports a missing source, a wrong kind and a wrong schema', () => {
    expect(check({ sources: [{ name: 'NOPE', type: 'stream' }] })).toBe('post: source NOPE does not exist');
    expect(check({ sources: [{ name: 'OUT', type: 'stream' }] })).toBe(
      'post: OUT is a table, expected a stream',
    );
    expect(check({ sources: [{ name: 'OUT', type: 'table', schema: 'K0 INT KEY, V0 STRING' }] })).toBe(
      'post: OUT schema column 3: expected nothing, got `V1` BIGINT (2 columns expected, got 3); whole schema: `K0` INTEGER KEY, `V0` STRING, `V1` BIGINT',
    );
  });

  it('checks key formats with their window, and key and value features', () => {
    expect(
      check({
        sources: [
          {
            name: 'W',
            type: 'table',
            keyFormat: { format: 'KAFKA', windowType: 'HOPPING', windowSize: 30000 },
          },
        ],
      }),
    ).toBeUndefined();
    expect(check({ sources: [{ name: 'W', type: 'table', keyFormat: { format: 'KAFKA' } }] })).toBe(
      'post: W key: expected no window, got HOPPING',
    );
    expect(
      check({
        sources: [{ name: 'W', type: 'table', keyFormat: { format: 'KAFKA', windowType: 'TUMBLING' } }],
      }),
    ).toBe('post: W window type: expected TUMBLING, got HOPPING');
    expect(
      check({
        sources: [{ name: 'OUT', type: 'table', keyFeatures: ['UNWRAP_SINGLES'], valueFeatures: [] }],
      }),
    ).toBeUndefined();
    expect(check({ sources: [{ name: 'W', type: 'table', keyFeatures: ['UNWRAP_SINGLES'] }] })).toBe(
      'post: W key features: expected [UNWRAP_SINGLES], got []',
    );
  });

  it('matches the topic blacklist against whole names', () => {
    expect(check({ topics: { blacklist: '.*-changelog' } })).toBe(
      "post: topic '_confluent-ksql-x-changelog' exists but matches blacklist /.*-changelog/",
    );
    expect(check({ topics: { blacklist: 'changelog' } })).toBeUndefined();
  });

  it('checks listed topics exist, with their formats when a source reads them', () => {
    expect(
      check({
        topics: { topics: [{ name: 'OUT', keyFormat: { format: 'JSON' }, valueFormat: { format: 'JSON' } }] },
      }),
    ).toBeUndefined();
    expect(check({ topics: { topics: [{ name: 'missing' }] } })).toBe("post: topic 'missing' does not exist");
    expect(check({ topics: { topics: [{ name: 'OUT', keyFormat: { format: 'KAFKA' } }] } })).toBe(
      "post: topic 'OUT' key format is JSON, expected KAFKA",
    );
    expect(
      postDifference(
        { topics: { topics: [{ name: 'OUT', partitions: 4 }] } },
        { ...view, partitions: () => 1 },
      ),
    ).toBe("post: topic 'OUT' has 1 partitions, expected 4");
  });
});
