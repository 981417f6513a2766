/**
 * B6: the engine's operators in-process, no Kafka and no JSON. The query is planned against a
 * catalog built by the product's statement handlers (via the deterministic driver), its topology
 * built with buildTopology, and generated events are pushed into the source ports as rows laid
 * out like the source decoder's (key columns, value columns, ROWTIME, ROWPARTITION, ROWOFFSET).
 * Rows are built before the clock starts; records are created inside the timed loop.
 */
import type { Processor } from '../../server/exec/processor';
import type { Rec } from '../../server/exec/record';
import { buildTopology } from '../../server/exec/topology/build-topology';
import { planQuery } from '../../server/plan/query-planner';
import { parseStatement } from '../../server/sql/script';
import { TestDriver } from '../../server/testing/test-driver';
import { withConfig } from '../nexmark/config';
import { generate } from '../nexmark/generator';
import type { NexmarkEvent } from '../nexmark/model';
import { SIDE_INPUT_SIZE } from '../nexmark/records';
import { median } from '../stats/stats';
import { createAsSelect, sourceDdl } from '../workloads/sql';
import type { Job } from './jobs';
import { send } from './meter';

type InProcJob = Extract<Job, { kind: 'inproc' }>;
type Entity = 'person' | 'auction' | 'bid' | 'side';

const TOPICS = { person: 'person', auction: 'auction', bid: 'bid', side: 'side', partitions: 1 };

function fieldsOf(e: NexmarkEvent): object {
  return e.kind === 'person' ? e.person : e.kind === 'auction' ? e.auction : e.bid;
}

function lowerKeys(o: object): Map<string, unknown> {
  return new Map(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
}

export function runInProcessJob(job: InProcJob): void {
  const driver = new TestDriver();
  for (const t of ['person', 'auction', 'bid', 'side']) driver.createTopic(t, 1);
  void (async () => {
    await driver.execute(sourceDdl(TOPICS));
    const stmt = parseStatement(createAsSelect(job.query, 'inproc_out', 'inproc_out', 1)).statement;
    if (!stmt || stmt.kind !== 'CreateAsSelectStmt') throw new Error('not a CREATE … AS SELECT');
    const catalog = driver.catalog();
    const plan = planQuery(stmt.query, {
      catalog,
      types: (n) => catalog.type(n),
      persistent: true,
      sinkName: 'INPROC_OUT',
    });
    // One pass to find the sources' layouts, then rows for every event in event order.
    const probe = buildTopology(
      plan.root,
      { push: () => {} },
      { reportError: () => {}, streamTime: () => 0 },
    );
    const layouts = new Map<Entity, string[]>();
    for (const { node } of probe.sources) {
      const s = node.source;
      const entity = (Object.keys(TOPICS) as Entity[]).find((k) => TOPICS[k] === s.topic)!;
      const windowed = s.window !== undefined ? ['', ''] : [];
      layouts.set(entity, [
        ...s.schema.key.map((c) => c.name),
        ...windowed,
        ...s.schema.value.map((c) => c.name),
      ]);
    }
    const inputs: { entity: Entity; row: unknown[]; ts: number }[] = [];
    const toRow = (names: readonly string[], fields: Map<string, unknown>, ts: number, offset: number) => [
      ...names.map((n) => fields.get(n.toLowerCase()) ?? null),
      ts,
      0,
      offset,
    ];
    const config = withConfig({ seed: job.seed, eventsPerSecond: job.eventsPerSecond });
    const side = layouts.get('side');
    if (side) {
      for (let k = 0; k < SIDE_INPUT_SIZE; k++) {
        const fields = new Map<string, unknown>([
          ['k', k],
          ['payload', `side-${k}`],
        ]);
        inputs.push({
          entity: 'side',
          row: toRow(side, fields, config.baseTime - 1, k),
          ts: config.baseTime - 1,
        });
      }
    }
    generate(config, job.events, (e) => {
      const names = layouts.get(e.kind);
      if (!names) return;
      const fields = lowerKeys(fieldsOf(e));
      const ts = Number(fields.get('datetime'));
      inputs.push({ entity: e.kind, row: toRow(names, fields, ts, e.id), ts });
    });

    const rates: number[] = [];
    const cpuPerEvent: number[] = [];
    let rowsOut = 0;
    let errors = 0;
    for (let rep = 0; rep < job.repetitions; rep++) {
      let out = 0;
      let streamTime = Number.NEGATIVE_INFINITY;
      const sink: Processor = { push: () => void out++ };
      const topology = buildTopology(plan.root, sink, {
        reportError: () => void errors++,
        streamTime: () => streamTime,
      });
      const ports = new Map<Entity, Processor>();
      for (const { node, port } of topology.sources) {
        const entity = (Object.keys(TOPICS) as Entity[]).find((k) => TOPICS[k] === node.source.topic)!;
        ports.set(entity, port);
      }
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (const input of inputs) {
        if (input.ts > streamTime) streamTime = input.ts;
        const rec: Rec = { row: input.row, ts: input.ts, tombstone: false, partition: 0, offset: 0 };
        ports.get(input.entity)!.push(rec);
      }
      const wallMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      rates.push((inputs.length / wallMs) * 1000);
      cpuPerEvent.push((cpu.user + cpu.system) / inputs.length);
      rowsOut = out;
    }
    send({
      type: 'done',
      result: {
        records: inputs.length,
        startedAt: 0,
        finishedAt: 0,
        cpuUserUs: 0,
        cpuSystemUs: 0,
        eventLoopDelayP50Ms: 0,
        eventLoopDelayP99Ms: 0,
        eventLoopDelayMaxMs: 0,
        gcMs: 0,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        rssMb: process.memoryUsage().rss / 1024 / 1024,
        extra: {
          rates,
          cpuPerEvent,
          medianRate: median(rates),
          medianCpuUsPerEvent: median(cpuPerEvent),
          rowsOut,
          errors,
        },
      },
    });
  })().catch((error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
}
