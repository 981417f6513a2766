import type { Kafka } from 'kafkajs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../../../scripts/testing/unique';
import { CatalogState } from '../../engine/catalog-state';
import { StatementExecutor } from '../../engine/engine';
import { PersistentQueryManager } from '../../engine/persistent-queries';
import type { CommandRecord } from '../../catalog/command-schema';
import { silentLogger } from '../../log/logger';
import { createKafka } from '../client';
import { TopicAdmin } from '../topic-admin';
import { KafkaQueryRuntime } from './kafka-query-runtime';

const kafka: Kafka = createKafka({
  bootstrapServers: [inject('kafkaBootstrapServers')],
  clientId: 'kappa-runtime-test',
  logger: silentLogger,
});
const admin = new TopicAdmin(kafka);
afterAll(() => admin.close());

/** An engine wired to real Kafka for queries, with an in-memory command log (the catalog topic is tested elsewhere). */
function engine(serviceId: string) {
  const state = new CatalogState();
  const runtime = new KafkaQueryRuntime(kafka, admin, serviceId, silentLogger);
  const manager = new PersistentQueryManager(state, runtime, silentLogger);
  const log: CommandRecord[] = [];
  const producer = kafka.producer();
  const executor = new StatementExecutor(
    state,
    {
      topics: {
        partitions: (n) => admin.partitionCount(n),
        create: async (spec) => void (await admin.ensure(spec)),
        delete: (names) => admin.delete(names),
        list: () => admin.list(),
      },
      commands: {
        append: async (key, record) => {
          log.push(record);
          state.applyRecord(log.length - 1, key, record);
          return log.length - 1;
        },
      },
      writer: { write: async () => {} },
      clock: { now: () => Date.now() },
    },
    { serviceId },
  );
  return { state, runtime, manager, executor, log, producer };
}

async function readAll(topic: string, expected: number): Promise<{ key: string; value: string | null }[]> {
  const out: { key: string; value: string | null }[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('reader') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 20_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        out.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? null });
        if (out.length >= expected) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return out;
}

describe('KafkaQueryRuntime against a real broker', () => {
  it('runs a GROUP BY through a repartition topic and resumes from its changelog after a restart', async () => {
    const topic = uniqueName('clicks');
    const sinkName = uniqueName('per_page');
    const serviceId = uniqueName('svc');
    await admin.ensure({ name: topic, partitions: 2 });
    const first = engine(serviceId);
    first.manager.startAll();
    await first.executor.execute(`
      CREATE STREAM ${topic} (user STRING KEY, page STRING) WITH (kafka_topic='${topic}', format='JSON');
      CREATE TABLE ${sinkName} AS SELECT page, COUNT(*) AS n FROM ${topic} GROUP BY page;
    `);
    await first.producer.connect();
    const send = (user: string, page: string) =>
      first.producer.send({
        topic,
        messages: [{ key: JSON.stringify(user), value: JSON.stringify({ page }) }],
      });
    await send('a', 'home');
    await send('b', 'home');
    await send('c', 'cart');
    const firstRun = await readAll(sinkName, 3);
    expect(firstRun.map((r) => `${r.key}=${r.value}`).sort()).toEqual([
      '"cart"={"N":1}',
      '"home"={"N":1}',
      '"home"={"N":2}',
    ]);

    // Stop every query of this engine, then start a second engine over the same command log.
    await first.runtime.stopAll();
    const second = engine(serviceId);
    for (const [i, record] of first.log.entries()) second.state.applyRecord(i, `c${i}`, record);
    second.manager.startAll();
    await send('d', 'home');
    const all = await readAll(sinkName, 4);
    expect(all.map((r) => `${r.key}=${r.value}`)).toContain('"home"={"N":3}');
    await second.runtime.stopAll();
    await first.producer.disconnect();
  }, 90_000);

  it('runs a foreign-key join over several partitions in one task', async () => {
    const orders = uniqueName('orders');
    const customers = uniqueName('customers');
    const sink = uniqueName('enriched');
    await admin.ensure({ name: orders, partitions: 3 });
    await admin.ensure({ name: customers, partitions: 3 });
    const e = engine(uniqueName('svc'));
    e.manager.startAll();
    await e.executor.execute(`
      CREATE TABLE ${orders} (id STRING PRIMARY KEY, customer STRING, amount INT) WITH (kafka_topic='${orders}', format='JSON');
      CREATE TABLE ${customers} (id STRING PRIMARY KEY, name STRING) WITH (kafka_topic='${customers}', format='JSON');
      CREATE TABLE ${sink} AS SELECT o.id, c.name, o.amount FROM ${orders} o JOIN ${customers} c ON o.customer = c.id;
    `);
    await e.producer.connect();
    const put = (topic: string, key: string, value: unknown) =>
      e.producer.send({ topic, messages: [{ key: JSON.stringify(key), value: JSON.stringify(value) }] });
    for (const [id, name] of [
      ['c1', 'Ada'],
      ['c2', 'Bo'],
      ['c3', 'Cy'],
    ])
      await put(customers, id!, { name });
    for (const [id, customer] of [
      ['o1', 'c1'],
      ['o2', 'c2'],
      ['o3', 'c3'],
      ['o4', 'c1'],
    ]) {
      await put(orders, id!, { customer, amount: 1 });
    }
    const out = await readAll(sink, 4);
    expect(out.map((r) => `${r.key}=${r.value}`).sort()).toEqual([
      '"o1"={"NAME":"Ada","AMOUNT":1}',
      '"o2"={"NAME":"Bo","AMOUNT":1}',
      '"o3"={"NAME":"Cy","AMOUNT":1}',
      '"o4"={"NAME":"Ada","AMOUNT":1}',
    ]);
    await e.runtime.stopAll();
    await e.producer.disconnect();
  }, 90_000);

  it('joins a re-keyed stream with a table partitioned by its own key format', async () => {
    // The stream is re-keyed on a value column; the table's topic is written by a plain producer
    // (KAFKA format, default partitioner). Every bid must meet its auction in the same task.
    const bids = uniqueName('bids');
    const auctions = uniqueName('auctions');
    const sink = uniqueName('bid_items');
    await admin.ensure({ name: bids, partitions: 4 });
    await admin.ensure({ name: auctions, partitions: 4 });
    const e = engine(uniqueName('svc'));
    e.manager.startAll();
    await e.executor.execute(`
      CREATE STREAM ${bids} (bidder STRING KEY, auction BIGINT, price INT) WITH (kafka_topic='${bids}', key_format='KAFKA', value_format='JSON');
      CREATE TABLE ${auctions} (id BIGINT PRIMARY KEY, item STRING) WITH (kafka_topic='${auctions}', key_format='KAFKA', value_format='JSON');
      CREATE STREAM ${sink} AS SELECT b.auction, a.item, b.price FROM ${bids} b JOIN ${auctions} a ON b.auction = a.id;
    `);
    await e.producer.connect();
    const long = (n: number): Buffer => {
      const b = Buffer.alloc(8);
      b.writeBigInt64BE(BigInt(n));
      return b;
    };
    const ids = Array.from({ length: 12 }, (_, i) => 1000 + i * 7);
    await e.producer.send({
      topic: auctions,
      messages: ids.map((id) => ({ key: long(id), value: JSON.stringify({ item: `item-${id}` }) })),
    });
    await new Promise((r) => setTimeout(r, 1000)); // the table side first, so no bid finds it missing
    await e.producer.send({
      topic: bids,
      messages: ids.map((id, i) => ({
        key: `bidder-${i}`,
        value: JSON.stringify({ auction: id, price: i }),
      })),
    });
    const out = await readAll(sink, ids.length);
    expect(out.map((r) => JSON.parse(r.value!).ITEM as string).sort()).toEqual(
      ids.map((id) => `item-${id}`).sort(),
    );
    await e.runtime.stopAll();
    await e.producer.disconnect();
  }, 90_000);

  it('catches up a stream-table join in timestamp order across its topics', async () => {
    // Both topics are full before the query starts. Kafka Streams picks the input record with the
    // earliest timestamp, so each order meets the customer row written before it (and not the
    // update written after it), whichever topic the consumer happens to fetch first.
    const orders = uniqueName('orders');
    const customers = uniqueName('customers');
    const sink = uniqueName('orders_named');
    await admin.ensure({ name: orders, partitions: 1 });
    await admin.ensure({ name: customers, partitions: 1 });
    const e = engine(uniqueName('svc'));
    await e.producer.connect();
    const t0 = 1_700_000_000_000;
    await e.producer.send({
      topic: orders,
      messages: Array.from({ length: 200 }, (_, i) => ({
        key: `o${i}`,
        value: JSON.stringify({ customer: `c${i % 10}` }),
        timestamp: String(t0 + 1000 + i),
      })),
    });
    await e.producer.send({
      topic: customers,
      messages: [
        ...Array.from({ length: 10 }, (_, i) => ({
          key: `c${i}`,
          value: JSON.stringify({ name: `before-${i}` }),
          timestamp: String(t0 + i),
        })),
        ...Array.from({ length: 10 }, (_, i) => ({
          key: `c${i}`,
          value: JSON.stringify({ name: `after-${i}` }),
          timestamp: String(t0 + 5000 + i),
        })),
      ],
    });
    e.manager.startAll();
    await e.executor.execute(`
      CREATE STREAM ${orders} (id STRING KEY, customer STRING) WITH (kafka_topic='${orders}', key_format='KAFKA', value_format='JSON');
      CREATE TABLE ${customers} (id STRING PRIMARY KEY, name STRING) WITH (kafka_topic='${customers}', key_format='KAFKA', value_format='JSON');
      CREATE STREAM ${sink} AS SELECT o.customer, o.id AS order_id, c.name FROM ${orders} o JOIN ${customers} c ON o.customer = c.id;
    `);
    const out = await readAll(sink, 200);
    expect(out).toHaveLength(200);
    expect(out.filter((r) => !String(JSON.parse(r.value!).NAME).startsWith('before-'))).toEqual([]);
    await e.runtime.stopAll();
    await e.producer.disconnect();
  }, 90_000);
});
