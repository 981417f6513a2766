/**
 * Unit-test support: a KappaEngine over in-memory services (topics as partition counts, an array
 * as the command log, written records kept in a list). Never used by product code.
 */
import { silentLogger } from '../../log/logger';
import { CatalogState } from '../catalog-state';
import type { HealthSource } from '../health';
import { KappaEngine } from '../kappa-engine';
import type { OutgoingRecord, TopicService } from '../services';

export interface InMemoryEngine {
  readonly engine: KappaEngine;
  readonly state: CatalogState;
  readonly written: { topic: string; record: OutgoingRecord }[];
}

export function inMemoryEngine(topics: Record<string, number> = {}): InMemoryEngine {
  const partitions = new Map(Object.entries(topics));
  const topicService: TopicService = {
    partitions: async (name) => partitions.get(name),
    create: async (spec) => void partitions.set(spec.name, partitions.get(spec.name) ?? spec.partitions),
    delete: async (names) => names.forEach((n) => partitions.delete(n)),
    list: async () =>
      [...partitions].map(([name, p]) => ({
        name,
        partitions: p,
        replicas: 1,
        messages: 0,
        internal: name.startsWith('_'),
      })),
  };
  const state = new CatalogState();
  const written: { topic: string; record: OutgoingRecord }[] = [];
  let next = 0;
  const health: HealthSource = {
    snapshot: () => ({
      version: 'test',
      serviceId: 'test',
      serverStatus: state.degraded ? 'DEGRADED' : 'RUNNING',
      kafka: { connected: true, bootstrapServers: 'memory', checkedAt: 0 },
    }),
    onChange: () => () => {},
  };
  const engine = new KappaEngine({
    state,
    services: {
      topics: topicService,
      clock: { now: () => 1_000 },
      writer: {
        write: async (topic, records) => void records.forEach((record) => written.push({ topic, record })),
      },
      commands: {
        append: async (key, record) => {
          const offset = next;
          next += 2;
          state.applyRecord(offset, key, record);
          return offset;
        },
      },
    },
    options: { serviceId: 'test' },
    health,
    transient: { query: () => Promise.reject(new Error('none')), close: async () => false, list: () => [] },
    log: silentLogger,
  });
  return { engine, state, written };
}
