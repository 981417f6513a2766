import { applyToDraft } from '../apply';
import { Catalog } from '../catalog';
import type { Command, CommandRecord } from '../command-schema';
import { COMMAND_VERSION, commandId } from '../command-schema';
import type { LogEntry } from '../replay-compactor';
import type { DataSource } from '../../types/data-source';

/** A deterministic pseudo-random generator (tests must be reproducible). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function testSource(name: string, kind: 'STREAM' | 'TABLE', createdBy?: string): DataSource {
  return {
    name,
    kind,
    schema: {
      key: [{ name: 'ID', type: { kind: 'BIGINT' }, namespace: 'KEY' }],
      value: [{ name: 'V', type: { kind: 'STRING' }, namespace: 'VALUE' }],
    },
    topic: name.toLowerCase(),
    keyFormat: { format: 'KAFKA' },
    valueFormat: { format: 'JSON' },
    keyFeatures: {},
    valueFeatures: {},
    isSource: false,
    sql: `CREATE ${kind} ${name} …`,
    ...(createdBy ? { createdBy } : {}),
  };
}

export function record(command: Command): CommandRecord {
  return { version: COMMAND_VERSION, statement: command.type, properties: {}, command };
}

/**
 * A random command log that applies cleanly: the kind of history a busy catalog accumulates
 * (creates, CSAS, inserts, alters, drops with and without cascade, terminates, types).
 * `cascade` computes what DROP … CASCADE removes, as the engine's handler does.
 */
export function randomLog(
  seed: number,
  length: number,
  cascade: (catalog: Catalog, name: string) => { queries: string[]; sources: string[] },
): LogEntry[] {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
  const names = Array.from({ length: 10 }, (_, i) => `S${i}`);
  const draft = Catalog.EMPTY.draft();
  const entries: LogEntry[] = [];
  while (entries.length < length) {
    const offset = entries.length;
    const catalog = draft.build();
    const present = catalog.sources().map((s) => s.name);
    const absent = names.filter((n) => !present.includes(n));
    const queries = catalog.queries().map((q) => q.id);
    const r = rnd();
    let command: Command | undefined;
    if (r < 0.2 && absent.length > 0) {
      command = { type: 'createSource', source: testSource(pick(absent)!, 'STREAM'), orReplace: false };
    } else if (r < 0.35 && absent.length > 0 && present.length > 0) {
      const sink = pick(absent)!;
      const id = `CSAS_${sink}_${offset}`;
      command = {
        type: 'createAsSelect',
        source: testSource(sink, 'STREAM', id),
        orReplace: false,
        query: {
          id,
          kind: 'CSAS',
          sql: '…',
          sink,
          sources: [pick(present)!],
          properties: {},
          state: 'RUNNING',
        },
      };
    } else if (r < 0.42 && present.length > 1) {
      const sink = pick(present)!;
      const from = pick(present.filter((n) => n !== sink))!;
      const id = `INSERTQUERY_${offset}`;
      command = {
        type: 'insertInto',
        query: { id, kind: 'INSERT', sql: '…', sink, sources: [from], properties: {}, state: 'RUNNING' },
      };
    } else if (r < 0.5 && present.length > 0) {
      command = {
        type: 'alterSource',
        name: pick(present)!,
        addColumns: [{ name: `C${offset}`, type: { kind: 'INTEGER' }, namespace: 'VALUE' }],
      };
    } else if (r < 0.55 && present.length > 0) {
      const name = pick(present)!;
      const old = catalog.source(name)!;
      command = { type: 'createSource', source: { ...old, sql: `replaced at ${offset}` }, orReplace: true };
    } else if (r < 0.7 && present.length > 0) {
      const name = pick(present)!;
      command = { type: 'dropSource', name, deleteTopic: false, cascade: cascade(catalog, name) };
    } else if (r < 0.8 && queries.length > 0) {
      command = { type: 'terminate', queryIds: [pick(queries)!] };
    } else if (r < 0.85 && queries.length > 0) {
      command = { type: rnd() < 0.5 ? 'pause' : 'resume', queryIds: [pick(queries)!] };
    } else if (r < 0.93) {
      command = { type: 'createType', name: pick(['T1', 'T2', 'T3'])!, sqlType: { kind: 'INTEGER' } };
    } else {
      command = { type: 'dropType', name: pick(['T1', 'T2', 'T3'])! };
    }
    if (!command) continue;
    applyToDraft(draft, command, offset);
    entries.push({ offset, key: commandId(command), record: record(command) });
  }
  return entries;
}

/** The catalog a list of entries gives, ending at `lastOffset` (as a replay does). */
export function applyAll(entries: readonly LogEntry[], lastOffset: number): Catalog {
  const draft = Catalog.EMPTY.draft();
  for (const e of entries) applyToDraft(draft, e.record.command, e.offset);
  draft.lastOffset = lastOffset;
  return draft.build();
}
