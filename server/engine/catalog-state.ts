import { ApplyError, apply } from '../catalog/apply';
import { Catalog } from '../catalog/catalog';
import type { CommandRecord } from '../catalog/command-schema';
import { queryContext } from '../catalog/query-context';
import type { LogEntry } from '../catalog/replay-compactor';
import { decodeParsed, type DecodedCommand } from './command-decoding';
import { successMessage } from './command-messages';
import { replayLog, type CommandProblem } from './catalog-replay';

export interface AppliedCommand {
  readonly offset: number;
  readonly record: CommandRecord;
  readonly before: Catalog;
  readonly after: Catalog;
  /** For a command that starts a persistent query: what to plan it against. */
  readonly queryContext?: Catalog;
}

/** What a whole-log replay produced (one event instead of one per command). */
export interface ReplayedCatalog {
  readonly catalog: Catalog;
  readonly queryContexts: ReadonlyMap<string, Catalog>;
}

export interface DegradedState {
  readonly reason: string;
  readonly offset: number;
}

export type CommandStatus = 'SUCCESS' | 'ERROR';
export interface CommandStatusEntry {
  readonly status: CommandStatus;
  readonly message: string;
  readonly queryId: string | null;
}

/**
 * This engine's copy of the replicated catalog: applies command records in log order, tells
 * listeners (the query registry, the workbench) what changed, and lets requests wait for an
 * offset. A record it cannot read or apply does not crash anything: the engine becomes DEGRADED
 * with the reason and offset, and the rest of the catalog keeps working. A later `skip` command
 * (written by the repair tool) covering every bad offset makes it healthy again.
 */
export class CatalogState {
  private current: Catalog = Catalog.EMPTY;
  private appliedOffset = -1;
  private problems: CommandProblem[] = [];
  private readonly skipped = new Set<number>();
  private history: LogEntry[] = [];
  private readonly listeners = new Set<(applied: AppliedCommand) => void>();
  private readonly replayListeners = new Set<(replayed: ReplayedCatalog) => void>();
  private readonly degradedListeners = new Set<(degraded: DegradedState | undefined) => void>();
  private readonly waiters: { offset: number; resolve: () => void }[] = [];
  readonly statuses = new Map<string, CommandStatusEntry>();

  catalog(): Catalog {
    return this.current;
  }

  /** The last offset this engine has consumed (applied or skipped), -1 before any. */
  get offset(): number {
    return this.appliedOffset;
  }

  /** The first unresolved problem, if any. */
  get degraded(): DegradedState | undefined {
    const first = this.problems[0];
    return first ? { reason: first.reason, offset: first.offset } : undefined;
  }

  /**
   * The commands the catalog is made of, in log order (compacted at replay, so dropped and
   * terminated things are gone): what an export replays elsewhere.
   */
  commands(): readonly LogEntry[] {
    return this.history;
  }

  /** Every unresolved problem (the repair tool and /healthcheck list them). */
  get problemList(): readonly CommandProblem[] {
    return this.problems;
  }

  onApplied(listener: (applied: AppliedCommand) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onReplayed(listener: (replayed: ReplayedCatalog) => void): () => void {
    this.replayListeners.add(listener);
    return () => this.replayListeners.delete(listener);
  }

  onDegradedChange(listener: (degraded: DegradedState | undefined) => void): () => void {
    this.degradedListeners.add(listener);
    return () => this.degradedListeners.delete(listener);
  }

  /**
   * Replaces the state with a replay of a whole log (engine start-up), up to `lastOffset` (the
   * log's last offset, which may be a transaction marker rather than a record).
   */
  replay(entries: readonly DecodedCommand[], lastOffset: number): void {
    const result = replayLog(entries);
    this.current = result.catalog;
    this.appliedOffset = Math.max(lastOffset, entries[entries.length - 1]?.offset ?? -1);
    for (const o of result.skipped) this.skipped.add(o);
    this.statuses.clear();
    for (const [k, v] of result.statuses) this.statuses.set(k, v);
    this.problems = [...result.problems];
    this.history = [...result.history];
    const replayed: ReplayedCatalog = { catalog: this.current, queryContexts: result.queryContexts };
    for (const listener of this.replayListeners) listener(replayed);
    this.notifyDegraded();
    this.release();
  }

  /** Applies one record read while following the log. */
  applyDecoded(decoded: DecodedCommand): void {
    if (decoded.offset <= this.appliedOffset) return;
    if (this.skipped.has(decoded.offset)) return this.advance(decoded.offset);
    if ('problem' in decoded) return this.degrade(decoded.offset, decoded.key, decoded.problem);
    this.applyRecord(decoded.offset, decoded.key, decoded.record);
  }

  /** Applies the raw record read at `offset` (already JSON-parsed). */
  applyRaw(offset: number, key: string, raw: unknown): void {
    this.applyDecoded(decodeParsed(offset, key, raw));
  }

  applyRecord(offset: number, key: string, record: CommandRecord): void {
    if (offset <= this.appliedOffset) return;
    const before = this.current;
    const c = record.command;
    const query = c.type === 'createAsSelect' || c.type === 'insertInto' ? c.query : undefined;
    try {
      this.current = apply(before, c, offset);
    } catch (error) {
      const message = error instanceof ApplyError ? error.message : String(error);
      this.degrade(offset, key, `The command at offset ${offset} could not be applied: ${message}`);
      return;
    }
    this.appliedOffset = offset;
    this.history.push({ offset, key, record });
    this.statuses.set(key, {
      status: 'SUCCESS',
      message: successMessage(record, before),
      queryId: query?.id ?? null,
    });
    if (c.type === 'skip') this.resolve(c.offsets);
    const applied: AppliedCommand = {
      offset,
      record,
      before,
      after: this.current,
      ...(query
        ? { queryContext: queryContext((n) => before.source(n), before.types(), query, offset - 1) }
        : {}),
    };
    for (const listener of this.listeners) listener(applied);
    this.release();
  }

  /** Moves past `offset` without a record (a transaction marker, an aborted or skipped record). */
  advance(offset: number): void {
    if (offset <= this.appliedOffset) return;
    this.appliedOffset = offset;
    this.release();
  }

  /** Resolves once `offset` has been consumed; rejects after `timeoutMs`. */
  waitFor(offset: number, timeoutMs: number): Promise<void> {
    if (offset <= this.appliedOffset) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = { offset, resolve: () => undefined as void };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`Timed out waiting for command ${offset} (at ${this.appliedOffset})`));
      }, timeoutMs);
      waiter.resolve = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(waiter);
    });
  }

  private degrade(offset: number, key: string, reason: string): void {
    this.appliedOffset = Math.max(this.appliedOffset, offset);
    const wasHealthy = this.problems.length === 0;
    this.problems.push({ offset, key, reason });
    this.statuses.set(key, { status: 'ERROR', message: reason, queryId: null });
    if (wasHealthy) this.notifyDegraded();
    this.release();
  }

  private resolve(offsets: readonly number[]): void {
    for (const o of offsets) this.skipped.add(o);
    const before = this.problems.length;
    this.problems = this.problems.filter((p) => !this.skipped.has(p.offset));
    if (this.problems.length !== before) this.notifyDegraded();
  }

  private notifyDegraded(): void {
    const state = this.degraded;
    for (const listener of this.degradedListeners) listener(state);
  }

  private release(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i]!;
      if (w.offset <= this.appliedOffset) {
        this.waiters.splice(i, 1);
        w.resolve();
      }
    }
  }
}
