import { describe, expect, it } from 'vitest';
import { TestDriver } from '../../testing/test-driver';

/** EMIT FINAL over COUNT(*) per user; each output as `user [start,end) count@ts`. */
async function final(window: string, input: readonly (readonly [string, number])[]): Promise<string[]> {
  const driver = new TestDriver();
  await driver.execute(`
    CREATE STREAM clicks (user STRING KEY, page STRING) WITH (kafka_topic='clicks', format='JSON');
    CREATE TABLE per_window AS SELECT user, WINDOWSTART AS ws, WINDOWEND AS we, COUNT(*) AS n FROM clicks
      WINDOW ${window} GROUP BY user EMIT FINAL;
  `);
  for (const [user, ts] of input) {
    driver.produce({
      topic: 'clicks',
      key: Buffer.from(`"${user}"`),
      value: Buffer.from('{"page":"p"}'),
      timestamp: ts,
    });
  }
  return driver.records('PER_WINDOW').map((r) => {
    const key = r.key!.toString('utf8');
    const v = JSON.parse(r.value!.toString()) as { WS: number; WE: number; N: number };
    return `${key.slice(0, key.indexOf('"', 1) + 1)} [${v.WS},${v.WE}) ${v.N}@${r.timestamp}`;
  });
}

describe('EMIT FINAL', () => {
  it.each([
    {
      what: 'emits a window once, when stream time reaches its end (no grace period)',
      window: 'TUMBLING (SIZE 10 MILLISECONDS)',
      input: [
        ['a', 1],
        ['a', 4],
        ['a', 9],
        ['a', 10],
      ] as const,
      expected: ['"a" [0,10) 3@9'],
    },
    {
      what: 'waits for the grace period and counts records that arrive within it',
      window: 'TUMBLING (SIZE 10 MILLISECONDS, GRACE PERIOD 5 MILLISECONDS)',
      input: [
        ['a', 1],
        ['a', 12],
        ['a', 3],
        ['a', 15],
      ] as const,
      expected: ['"a" [0,10) 2@3'],
    },
    {
      what: 'emits every key whose window closed, once',
      window: 'TUMBLING (SIZE 10 MILLISECONDS)',
      input: [
        ['a', 1],
        ['b', 2],
        ['a', 10],
        ['a', 11],
      ] as const,
      expected: ['"a" [0,10) 1@1', '"b" [0,10) 1@2'],
    },
    {
      what: 'drops windows that closed longer ago than the retention when stream time jumps',
      window: 'TUMBLING (SIZE 10 MILLISECONDS)',
      input: [
        ['a', 1],
        ['a', 100],
      ] as const,
      expected: [],
    },
    {
      what: 'emits hopping windows as they close',
      window: 'HOPPING (SIZE 10 MILLISECONDS, ADVANCE BY 5 MILLISECONDS)',
      input: [
        ['a', 1],
        ['a', 7],
        ['a', 10],
        ['a', 15],
      ] as const,
      expected: ['"a" [0,10) 2@7', '"a" [5,15) 2@10'],
    },
    {
      what: 'emits a session once stream time passes its end, the gap and the grace period',
      window: 'SESSION (5 MILLISECONDS, GRACE PERIOD 2 MILLISECONDS)',
      input: [
        ['a', 0],
        ['a', 4],
        ['a', 11],
        ['a', 12],
      ] as const,
      expected: ['"a" [0,4) 2@4'],
    },
  ])('$what', async ({ window, input, expected }) => {
    expect(await final(window, input)).toEqual(expected);
  });
});
