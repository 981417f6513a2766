import { describe, expect, it } from 'vitest';
import { TestDriver } from '../../testing/test-driver';

/** Each output as `key [start,end] count@ts`, `DELETE` for a tombstone. */
async function sessions(
  window: string,
  timestamps: readonly (readonly [string, number])[],
): Promise<string[]> {
  const driver = new TestDriver();
  await driver.execute(`
    CREATE STREAM clicks (user STRING KEY, page STRING) WITH (kafka_topic='clicks', format='JSON');
    CREATE TABLE visits AS SELECT user, WINDOWSTART AS ws, WINDOWEND AS we, COUNT(*) AS n FROM clicks
      WINDOW SESSION (${window}) GROUP BY user;
  `);
  for (const [user, ts] of timestamps) {
    driver.produce({
      topic: 'clicks',
      key: Buffer.from(`"${user}"`),
      value: Buffer.from('{"page":"p"}'),
      timestamp: ts,
    });
  }
  return driver.records('VISITS').map((r) => {
    const key = r.key!.toString('utf8');
    const user = key.slice(0, key.indexOf('"', 1) + 1);
    if (r.value === null) return `${user} DELETE@${r.timestamp}`;
    const v = JSON.parse(r.value.toString()) as { WS: number; WE: number; N: number };
    return `${user} [${v.WS},${v.WE}] ${v.N}@${r.timestamp}`;
  });
}

describe('SESSION windows', () => {
  it.each([
    {
      what: 'a record within the gap extends the session: the old one is deleted, the merged one emitted',
      window: '10 SECONDS',
      input: [
        ['a', 0],
        ['a', 5000],
      ] as const,
      expected: ['"a" [0,0] 1@0', '"a" DELETE@0', '"a" [0,5000] 2@5000'],
    },
    {
      what: 'a record beyond the gap starts a new session',
      window: '10 SECONDS',
      input: [
        ['a', 0],
        ['a', 20000],
      ] as const,
      expected: ['"a" [0,0] 1@0', '"a" [20000,20000] 1@20000'],
    },
    {
      what: 'a record between two sessions merges them into one',
      window: '10 SECONDS',
      input: [
        ['a', 0],
        ['a', 18000],
        ['a', 9000],
      ] as const,
      expected: [
        '"a" [0,0] 1@0',
        '"a" [18000,18000] 1@18000',
        '"a" DELETE@0',
        '"a" DELETE@18000',
        '"a" [0,18000] 3@18000',
      ],
    },
    {
      what: 'keys have sessions of their own',
      window: '10 SECONDS',
      input: [
        ['a', 0],
        ['b', 1000],
      ] as const,
      expected: ['"a" [0,0] 1@0', '"b" [1000,1000] 1@1000'],
    },
    {
      what: 'a record whose session ended before stream time minus the grace period is dropped',
      window: '5 SECONDS, GRACE PERIOD 1 SECOND',
      input: [
        ['a', 10000],
        ['a', 1000],
        ['a', 9000],
      ] as const,
      expected: ['"a" [10000,10000] 1@10000', '"a" DELETE@10000', '"a" [9000,10000] 2@10000'],
    },
  ])('$what', async ({ window, input, expected }) => {
    expect(await sessions(window, input)).toEqual(expected);
  });
});
