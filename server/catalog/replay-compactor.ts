import type { Command, CommandRecord } from './command-schema';

/** One record of the command log, parsed. */
export interface LogEntry {
  readonly offset: number;
  readonly key: string;
  readonly record: CommandRecord;
}

/**
 * Drops, before a replay, the commands whose effects were undone later in the log (ksqlDB's
 * RestoreCommandsCompactor, generalized): sources created and later dropped (with everything
 * that touched them), queries later terminated, types later dropped or redefined, and the
 * DROP/TERMINATE/DROP TYPE commands themselves. A CREATE … AS SELECT whose query was terminated
 * but whose sink lives on is kept as a plain CREATE of that sink.
 *
 * Contract: applying the result in order gives the same catalog as applying `entries`, for any
 * log every command of which applies cleanly. Each entity (a source between its creation and its
 * drop, a query between its start and its end, a type definition) is a "life"; a command is kept
 * when one of its effects belongs to a life still going at the end of the log. Commands kept
 * that way keep their preconditions (a kept INSERT's query is alive, so its sink is alive and
 * its creation kept). When the log holds something this model does not expect (a command that
 * would fail to apply), the entries come back unchanged and the caller's apply reports it.
 */
export function compactForReplay(entries: readonly LogEntry[]): LogEntry[] {
  const lives = new Lives();
  const effects: number[][] = [];
  for (const entry of entries) {
    const e = lives.effectsOf(entry.record.command);
    if (e === undefined) return [...entries];
    effects.push(e);
  }
  const out: LogEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const live = effects[i]!.map((life) => !lives.dead.has(life));
    if (!live.some(Boolean)) continue;
    const c = entry.record.command;
    if (c.type === 'createAsSelect' && !live[1]) {
      // The sink lives, its query was terminated: keep only the source.
      const command: Command = { type: 'createSource', source: c.source, orReplace: c.orReplace };
      out.push({ ...entry, record: { ...entry.record, command } });
    } else if (c.type === 'createAsSelect' && !live[0]) {
      return [...entries]; // a live query over a dropped sink: not something apply produces
    } else {
      out.push(entry);
    }
  }
  return out;
}

/** Tracks which life each present source, query and type belongs to, as the log is read. */
class Lives {
  readonly dead = new Set<number>();
  private next = 0;
  private readonly sources = new Map<string, number>();
  private readonly queries = new Map<string, { life: number; sink: string }>();
  private readonly types = new Map<string, number>();

  /** The lives a command gives effects to; undefined when it would not apply. */
  effectsOf(c: Command): number[] | undefined {
    switch (c.type) {
      case 'createSource':
        if (this.sources.has(c.source.name) && !c.orReplace) return undefined;
        return [this.sourceLife(c.source.name)];
      case 'createAsSelect':
        if (this.sources.has(c.source.name) && !c.orReplace) return undefined;
        return [this.sourceLife(c.source.name), this.queryLife(c.query.id, c.query.sink)];
      case 'insertInto':
        if (!this.sources.has(c.query.sink)) return undefined;
        return [this.queryLife(c.query.id, c.query.sink)];
      case 'alterSource': {
        const life = this.sources.get(c.name);
        return life === undefined ? undefined : [life];
      }
      case 'dropSource': {
        if (!this.sources.has(c.name)) return undefined;
        for (const id of c.cascade?.queries ?? []) this.endQuery(id);
        for (const name of c.cascade?.sources ?? []) this.endSource(name);
        for (const [id, q] of this.queries) if (q.sink === c.name) this.endQuery(id);
        this.endSource(c.name);
        return [];
      }
      case 'createType': {
        const previous = this.types.get(c.name);
        if (previous !== undefined) this.dead.add(previous);
        const life = this.next++;
        this.types.set(c.name, life);
        return [life];
      }
      case 'dropType': {
        const life = this.types.get(c.name);
        if (life !== undefined) this.dead.add(life);
        this.types.delete(c.name);
        return [];
      }
      case 'terminate':
        for (const id of c.queryIds) this.endQuery(id);
        return [];
      case 'pause':
      case 'resume':
        return c.queryIds.flatMap((id) => {
          const q = this.queries.get(id);
          return q ? [q.life] : [];
        });
      case 'skip':
        return [];
    }
  }

  private sourceLife(name: string): number {
    let life = this.sources.get(name);
    if (life === undefined) {
      life = this.next++;
      this.sources.set(name, life);
    }
    return life;
  }

  private queryLife(id: string, sink: string): number {
    const existing = this.queries.get(id);
    const life = existing?.life ?? this.next++;
    this.queries.set(id, { life, sink });
    return life;
  }

  private endSource(name: string): void {
    const life = this.sources.get(name);
    if (life !== undefined) this.dead.add(life);
    this.sources.delete(name);
  }

  private endQuery(id: string): void {
    const q = this.queries.get(id);
    if (q) this.dead.add(q.life);
    this.queries.delete(id);
  }
}
