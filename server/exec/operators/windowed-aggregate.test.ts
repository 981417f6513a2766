import { describe, expect, it } from 'vitest';
import { TestDriver } from '../../testing/test-driver';

async function run(having: string, timestamps: readonly number[]): Promise<(string | null)[]> {
  const driver = new TestDriver();
  await driver.execute(`
    CREATE STREAM clicks (user STRING KEY, page STRING) WITH (kafka_topic='clicks', format='JSON');
    CREATE TABLE busy AS SELECT user, COUNT(*) AS n FROM clicks
      WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY user HAVING ${having};
  `);
  for (const ts of timestamps) {
    driver.produce({
      topic: 'clicks',
      key: Buffer.from('"u"'),
      value: Buffer.from('{"page":"p"}'),
      timestamp: ts,
    });
  }
  return driver.records('BUSY').map((r) => (r.value === null ? null : r.value.toString()));
}

describe('HAVING on a windowed aggregation', () => {
  it('emits nothing for a window whose row never matched', async () => {
    expect(await run('COUNT(*) > 1', [1000, 2000, 15000])).toEqual(['{"N":2}']);
  });

  it('deletes a window row only once it stops matching', async () => {
    expect(await run('COUNT(*) < 2', [1000, 2000, 3000, 15000])).toEqual(['{"N":1}', null, '{"N":1}']);
  });
});
