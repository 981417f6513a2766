import type { CatalogView } from '../catalog/catalog';
import type { CommandRecord } from '../catalog/command-schema';
import { CatalogState } from '../engine/catalog-state';
import { StatementExecutor } from '../engine/engine';
import { PersistentQueryManager } from '../engine/persistent-queries';
import type { EngineServices } from '../engine/statement-context';
import { silentLogger } from '../log/logger';
import { literalAsPropertyValue } from '../bind/literals';
import { parseScript } from '../sql';
import type { DriverProcessingError, ProduceRecord, RawRecord, TestDriverApi } from './driver-api';
import { InMemoryTopics } from './in-memory-topics';
import { InProcessRuntime } from './in-process-runtime';
import { InMemoryRecordSource } from './in-memory-record-source';
import { TransientQueries } from '../engine/queries/transient-queries';
import type { QueryHandle } from '../engine/queries/query-handle';
import type { QueryOptions } from '../engine/engine-api';

export interface TestDriverOptions {
  /** Session properties every statement runs with (QTT `properties`). */
  readonly properties?: Record<string, string>;
  /** The clock for INSERT VALUES and produce without a timestamp. */
  readonly now?: () => number;
  /**
   * Create the topic a CREATE STREAM/TABLE names when it does not exist (with its PARTITIONS, else
   * one), as ksqlDB's test runner infers topics from the statements. Default true.
   */
  readonly inferTopics?: boolean;
}

/**
 * The deterministic in-process driver (see driver-api.ts): the product's statement handlers,
 * planner and operators over in-memory topics and command log. Never used by product code.
 */
export class TestDriver implements TestDriverApi {
  private readonly topicStore: InMemoryTopics;
  private readonly state = new CatalogState();
  private readonly runtime: InProcessRuntime;
  private readonly executor: StatementExecutor;
  private readonly log: CommandRecord[] = [];
  private readonly transient: TransientQueries;

  constructor(private readonly options: TestDriverOptions = {}) {
    const now = options.now ?? (() => Date.now());
    this.topicStore = new InMemoryTopics(now);
    this.runtime = new InProcessRuntime(this.topicStore);
    const manager = new PersistentQueryManager(this.state, this.runtime, silentLogger);
    manager.startAll();
    this.runtime.manager = manager;
    const services: EngineServices = {
      topics: this.topicStore,
      clock: { now },
      commands: {
        append: async (key, record) => {
          const offset = this.log.length;
          this.log.push(record);
          this.state.applyRecord(offset, key, record);
          return offset;
        },
      },
      writer: {
        write: async (topic, records) => {
          for (const r of records) this.produce({ topic, ...r, headers: r.headers ?? [] });
        },
      },
    };
    this.executor = new StatementExecutor(this.state, services, { serviceId: 'some.ksql.service.id' });
    this.transient = new TransientQueries(
      this.state,
      new InMemoryRecordSource(this.topicStore),
      { now },
      {
        maxPushQueries: 100,
        defaultOffsetReset: 'earliest',
      },
    );
  }

  /** A push, pull or PRINT query over the in-memory topics (push queries default to earliest here). */
  query(sql: string, options: QueryOptions = {}): Promise<QueryHandle> {
    return this.transient.query(sql, {
      ...options,
      properties: { ...this.options.properties, ...options.properties },
    });
  }

  async execute(
    sql: string,
    options: { properties?: Record<string, string>; variables?: Record<string, string> } = {},
  ): Promise<unknown[]> {
    if (this.options.inferTopics ?? true) this.inferTopics(sql, options.variables ?? {});
    return this.executor.execute(sql, {
      properties: { ...this.options.properties, ...options.properties },
      variables: options.variables ?? {},
    });
  }

  createTopic(name: string, partitions: number): void {
    this.topicStore.createSync(name, partitions);
  }

  produce(record: ProduceRecord): void {
    const raw = this.topicStore.append(record);
    this.runtime.deliver(raw);
  }

  records(topic: string): readonly RawRecord[] {
    return this.topicStore.records(topic);
  }

  topics(): readonly string[] {
    return this.topicStore.names();
  }

  catalog(): CatalogView {
    return this.state.catalog();
  }

  processingErrors(): readonly DriverProcessingError[] {
    return this.runtime.errors;
  }

  private inferTopics(sql: string, variables: Record<string, string>): void {
    const { statements } = parseScript(sql, { variables });
    for (const stmt of statements) {
      if (stmt.kind !== 'CreateSourceStmt') continue;
      const topic = stmt.properties.find((p) => p.name === 'KAFKA_TOPIC');
      if (!topic) continue;
      const name = String(literalAsPropertyValue(topic.value));
      const partitions = stmt.properties.find((p) => p.name === 'PARTITIONS');
      if (!this.topicStore.has(name)) {
        this.topicStore.createSync(name, partitions ? Number(literalAsPropertyValue(partitions.value)) : 1);
      }
    }
  }
}
