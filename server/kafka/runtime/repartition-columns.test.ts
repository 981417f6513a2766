import { describe, expect, it } from 'vitest';
import type { PlanNode } from '../../plan/nodes';
import { planQuery } from '../../plan/query-planner';
import { parseScript } from '../../sql';
import type { SelectStmt } from '../../sql/ast';
import { TestDriver } from '../../testing/test-driver';
import { keepColumns, repartitionColumnsNeeded } from './repartition-columns';

async function planOf(sql: string) {
  const driver = new TestDriver();
  await driver.execute(`
    CREATE STREAM bid (bidder BIGINT KEY, auction BIGINT, price BIGINT, url STRING, extra STRING)
      WITH (kafka_topic='bid', format='JSON', partitions=1);
    CREATE TABLE auction (id BIGINT PRIMARY KEY, seller BIGINT) WITH (kafka_topic='auction', format='JSON', partitions=1);
  `);
  const catalog = driver.catalog();
  const stmt = parseScript(sql).statements[0] as SelectStmt;
  return planQuery(stmt, { catalog, types: (n) => catalog.type(n), persistent: true });
}

function findRekey(node: PlanNode): PlanNode | undefined {
  if (node.node === 'Rekey') return node;
  if (node.node === 'Source') return undefined;
  if (node.node === 'Join') return findRekey(node.left) ?? findRekey(node.right);
  return findRekey(node.input);
}

describe('repartitionColumnsNeeded', () => {
  it('keeps the group key and the aggregate arguments of a GROUP BY repartition', async () => {
    const plan = await planOf('SELECT auction, MAX(price) AS top FROM bid GROUP BY auction;');
    const needed = repartitionColumnsNeeded(plan);
    expect([...needed.keys()]).toEqual(['Aggregate-GroupBy']);
    const names = findRekey(plan.root)!.columns.map((c) => c.name);
    const kept = [...needed.get('Aggregate-GroupBy')!].map((i) => names[i]);
    // The computed key (first), and PRICE; BIDDER, the source's AUCTION, URL and EXTRA travel as NULL.
    expect(kept.sort()).toEqual(['AUCTION', 'PRICE']);
    expect(needed.get('Aggregate-GroupBy')!.has(0)).toBe(true);
    expect(names.length).toBeGreaterThan(kept.length);
  });

  it('leaves the rows of join repartitions alone', async () => {
    const plan = await planOf(
      'SELECT b.auction, b.price, a.seller FROM bid b JOIN auction a ON b.auction = a.id EMIT CHANGES;',
    );
    expect(repartitionColumnsNeeded(plan).size).toBe(0);
  });

  it('nulls what is not needed and keeps positions', () => {
    expect(keepColumns([1, 'a', 2, 'b'], new Set([0, 2]))).toEqual([1, null, 2, null]);
    const row = [1, 2];
    expect(keepColumns(row, undefined)).toBe(row);
  });
});
