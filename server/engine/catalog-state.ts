import { ApplyError, apply } from '../catalog/apply';
import { Catalog } from '../catalog/catalog';
import { COMMAND_VERSION, CommandRecordSchema, type CommandRecord } from '../catalog/command-schema';

export interface AppliedCommand {
  readonly offset: number;
  readonly record: CommandRecord;
  readonly before: Catalog;
  readonly after: Catalog;
}

export interface DegradedState {
  readonly reason: string;
  readonly offset: number;
}

export type CommandStatus = 'SUCCESS' | 'ERROR';

/**
 * This engine's copy of the replicated catalog: applies command records in log order, tells
 * listeners (the query registry, the workbench) what changed, and lets requests wait for an
 * offset. A record it cannot read or apply does not crash anything: the engine becomes DEGRADED
 * with the reason and offset, and the rest of the catalog keeps working.
 */
export class CatalogState {
  private current: Catalog = Catalog.EMPTY;
  private appliedOffset = -1;
  private degradedState: DegradedState | undefined;
  private readonly listeners = new Set<(applied: AppliedCommand) => void>();
  private readonly waiters: { offset: number; resolve: () => void }[] = [];
  readonly statuses = new Map<string, { status: CommandStatus; message: string; queryId: string | null }>();

  catalog(): Catalog {
    return this.current;
  }

  /** The last offset this engine has consumed (applied or skipped), -1 before any. */
  get offset(): number {
    return this.appliedOffset;
  }

  get degraded(): DegradedState | undefined {
    return this.degradedState;
  }

  onApplied(listener: (applied: AppliedCommand) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Applies the raw record read at `offset` (already JSON-parsed). Unreadable, newer-version or
   * inapplicable records are skipped and mark the engine DEGRADED.
   */
  applyRaw(offset: number, key: string, raw: unknown): void {
    const parsed = CommandRecordSchema.safeParse(raw);
    if (!parsed.success) {
      const version =
        typeof raw === 'object' && raw !== null && 'version' in raw
          ? (raw as { version: unknown }).version
          : undefined;
      const reason =
        typeof version === 'number' && version > COMMAND_VERSION
          ? `The command at offset ${offset} has version ${version}; this engine understands version ${COMMAND_VERSION} (INCOMPATIBLE_COMMAND). Upgrade the engine.`
          : `The command at offset ${offset} could not be read (CORRUPTED): ${parsed.error.issues[0]?.message ?? 'invalid record'}`;
      this.degrade(offset, key, reason);
      return;
    }
    this.applyRecord(offset, key, parsed.data);
  }

  applyRecord(offset: number, key: string, record: CommandRecord): void {
    if (offset <= this.appliedOffset) return;
    const before = this.current;
    try {
      this.current = apply(before, record.command, offset);
    } catch (error) {
      const message = error instanceof ApplyError ? error.message : String(error);
      this.degrade(offset, key, `The command at offset ${offset} could not be applied: ${message}`);
      return;
    }
    this.appliedOffset = offset;
    const queryId =
      record.command.type === 'createAsSelect' || record.command.type === 'insertInto'
        ? record.command.query.id
        : null;
    this.statuses.set(key, { status: 'SUCCESS', message: successMessage(record), queryId });
    const applied: AppliedCommand = { offset, record, before, after: this.current };
    for (const listener of this.listeners) listener(applied);
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
    this.degradedState ??= { reason, offset };
    this.statuses.set(key, { status: 'ERROR', message: reason, queryId: null });
    this.release();
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

function successMessage(record: CommandRecord): string {
  const c = record.command;
  switch (c.type) {
    case 'createSource':
      return `${c.source.kind === 'TABLE' ? 'Table' : 'Stream'} created`;
    case 'createAsSelect':
      return `Created query with ID ${c.query.id}`;
    case 'insertInto':
      return `Created query with ID ${c.query.id}`;
    case 'dropSource':
      return `Source \`${c.name}\` (topic: ...) was dropped.`;
    case 'alterSource':
      return `${c.name} altered.`;
    case 'createType':
      return `Registered custom type with name '${c.name}' and SQL type ${JSON.stringify(c.sqlType)}`;
    case 'dropType':
      return `Dropped type '${c.name}'`;
    case 'terminate':
      return 'Query terminated.';
    case 'pause':
      return 'Query paused.';
    case 'resume':
      return 'Query resumed.';
  }
}
