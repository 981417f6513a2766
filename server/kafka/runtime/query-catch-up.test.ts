import { describe, expect, it } from 'vitest';
import type { PersistentQuery } from '../../types/data-source';
import { queryApplicationId } from './internal-topics';
import { QueryCatchUp, type OffsetsAdmin, type QueryGraph } from './query-catch-up';

const query = (id: string, sources: string[], sink: string, properties = {}): PersistentQuery =>
  ({ id, sources, sink, properties, state: 'RUNNING', kind: 'CTAS', sql: '' }) as unknown as PersistentQuery;

/** Topics with fixed end offsets; each group's committed offsets advance by `step` per poll. */
class FakeAdmin implements OffsetsAdmin {
  readonly polls: string[] = [];
  constructor(
    private readonly ends: Record<string, number>,
    private readonly committedAt: Record<string, number>,
    private readonly step: number,
  ) {}
  async endOffsets(topic: string) {
    return new Map([[0, this.ends[topic] ?? 0]]);
  }
  async committed(groupId: string, topic: string) {
    const key = `${groupId}|${topic}`;
    this.polls.push(key);
    const now = (this.committedAt[key] ?? 0) + this.step;
    this.committedAt[key] = now;
    return new Map([[0, now]]);
  }
  async names() {
    return Object.keys(this.ends);
  }
}

const graph = (queries: PersistentQuery[], topics: Record<string, string>): QueryGraph => ({
  writersOf: (name) => queries.filter((q) => q.sink === name),
  source: (name) => (topics[name] ? { topic: topics[name] } : undefined),
});

describe('QueryCatchUp', () => {
  const app = (id: string) => queryApplicationId('svc', id);

  it('waits until the writing query has committed its input up to the end offsets', async () => {
    const admin = new FakeAdmin({ orders: 6 }, {}, 2);
    const ok = await new QueryCatchUp(admin, 'svc', 2000).wait(
      graph([query('CTAS_T_1', ['ORDERS'], 'T')], { ORDERS: 'orders', T: 't' }),
      ['T'],
    );
    expect(ok).toBe(true);
    expect(admin.polls.filter((p) => p === `${app('CTAS_T_1')}|orders`)).toHaveLength(3); // 2, 4, 6
  });

  it('waits for upstream queries first, then for the repartition topics of the query', async () => {
    const repartition = `${app('CTAS_B_2')}-Aggregate-GroupBy-repartition`;
    const admin = new FakeAdmin({ src: 2, a: 2, [repartition]: 2 }, {}, 1);
    const queries = [query('CSAS_A_1', ['SRC'], 'A'), query('CTAS_B_2', ['A'], 'B')];
    const ok = await new QueryCatchUp(admin, 'svc', 2000).wait(
      graph(queries, { SRC: 'src', A: 'a', B: 'b' }),
      ['B'],
    );
    expect(ok).toBe(true);
    const order = [...new Set(admin.polls)];
    expect(order).toEqual([
      `${app('CSAS_A_1')}|src`,
      `${app('CTAS_B_2')}|a`,
      `${app('CTAS_B_2')}|${repartition}`,
    ]);
  });

  it('gives up after its time, without throwing', async () => {
    const admin = new FakeAdmin({ orders: 1_000_000 }, {}, 1);
    const ok = await new QueryCatchUp(admin, 'svc', 120).wait(
      graph([query('CTAS_T_1', ['ORDERS'], 'T')], { ORDERS: 'orders' }),
      ['T'],
    );
    expect(ok).toBe(false);
  });

  it('accepts a transactional topic one offset short of its end (the commit marker)', async () => {
    const admin = new FakeAdmin({ a: 5 }, { [`${app('CTAS_B_2')}|a`]: 4 }, 0);
    const queries = [
      query('CSAS_A_1', ['SRC'], 'A', { 'processing.guarantee': 'exactly_once_v2' }),
      query('CTAS_B_2', ['A'], 'B'),
    ];
    const ok = await new QueryCatchUp(admin, 'svc', 200).wait(graph(queries, { A: 'a' }), ['B']);
    expect(ok).toBe(true);
  });

  it('does not wait for sources no query writes', async () => {
    const admin = new FakeAdmin({ orders: 10 }, {}, 0);
    expect(await new QueryCatchUp(admin, 'svc', 2000).wait(graph([], { ORDERS: 'orders' }), ['ORDERS'])).toBe(
      true,
    );
    expect(admin.polls).toEqual([]);
  });
});
