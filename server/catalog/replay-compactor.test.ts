import { describe, expect, it } from 'vitest';
import { cascadeFrom } from '../engine/ddl/drop-cascade';
import type { Catalog } from './catalog';
import { compactForReplay, type LogEntry } from './replay-compactor';
import { applyAll, randomLog, record, testSource } from './testing/random-log';

function snapshot(c: Catalog): unknown {
  return {
    sources: [...c.sources()].sort((a, b) => a.name.localeCompare(b.name)),
    queries: [...c.queries()].sort((a, b) => a.id.localeCompare(b.id)),
    types: [...c.types()].sort(),
    lastOffset: c.lastOffset,
  };
}

const cascade = (catalog: Catalog, name: string): { queries: string[]; sources: string[] } => {
  const plan = cascadeFrom(catalog, name);
  return { queries: [...plan.queries], sources: [...plan.sources] };
};

const entry = (offset: number, command: Parameters<typeof record>[0]): LogEntry => ({
  offset,
  key: String(offset),
  record: record(command),
});

describe('compactForReplay', () => {
  it('leaves nothing of a source created and dropped, or of a terminated INSERT', () => {
    const log = [
      entry(0, { type: 'createSource', source: testSource('A', 'STREAM'), orReplace: false }),
      entry(1, { type: 'createSource', source: testSource('B', 'STREAM'), orReplace: false }),
      entry(2, {
        type: 'insertInto',
        query: {
          id: 'Q',
          kind: 'INSERT',
          sql: '',
          sink: 'B',
          sources: ['A'],
          properties: {},
          state: 'RUNNING',
        },
      }),
      entry(3, { type: 'terminate', queryIds: ['Q'] }),
      entry(4, { type: 'dropSource', name: 'A', deleteTopic: false }),
    ];
    expect(compactForReplay(log).map((e) => e.offset)).toEqual([1]);
  });

  it('keeps the sink of a terminated CREATE … AS SELECT as a plain CREATE', () => {
    const log = [
      entry(0, { type: 'createSource', source: testSource('A', 'STREAM'), orReplace: false }),
      entry(1, {
        type: 'createAsSelect',
        source: testSource('B', 'STREAM', 'CSAS_B_1'),
        orReplace: false,
        query: {
          id: 'CSAS_B_1',
          kind: 'CSAS',
          sql: '',
          sink: 'B',
          sources: ['A'],
          properties: {},
          state: 'RUNNING',
        },
      }),
      entry(2, { type: 'terminate', queryIds: ['CSAS_B_1'] }),
    ];
    const out = compactForReplay(log);
    expect(out.map((e) => [e.offset, e.record.command.type])).toEqual([
      [0, 'createSource'],
      [1, 'createSource'],
    ]);
    expect(snapshot(applyAll(out, 2))).toEqual(snapshot(applyAll(log, 2)));
  });

  it('returns a log it cannot model unchanged (a DROP of something that never existed)', () => {
    const log = [entry(0, { type: 'dropSource', name: 'X', deleteTopic: false })];
    expect(compactForReplay(log)).toEqual(log);
  });

  it.each(Array.from({ length: 40 }, (_, i) => [i + 1]))(
    'gives the same catalog as the full log (random history, seed %i)',
    (seed) => {
      const log = randomLog(seed, 400, cascade);
      const compacted = compactForReplay(log);
      const last = log.length - 1;
      expect(snapshot(applyAll(compacted, last))).toEqual(snapshot(applyAll(log, last)));
      expect(compacted.length).toBeLessThan(log.length);
    },
  );
});
