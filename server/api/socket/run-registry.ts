import type { SharedRun } from './shared-run';

/**
 * Every run of this engine by run id, across sockets: a run id is what a second browser attaches
 * with. Ids still starting (the engine is planning the query) are reserved so that a cancel that
 * arrives meanwhile is not lost.
 */
export class RunRegistry {
  private readonly runs = new Map<string, SharedRun>();
  private readonly starting = new Map<string, { owner: string; cancelled: boolean }>();

  isTaken(runId: string): boolean {
    return this.runs.has(runId) || this.starting.has(runId);
  }

  reserve(runId: string, owner: string): void {
    this.starting.set(runId, { owner, cancelled: false });
  }

  /** Marks a starting run cancelled; true if there was one. */
  cancelStarting(runId: string): boolean {
    const entry = this.starting.get(runId);
    if (!entry) return false;
    entry.cancelled = true;
    return true;
  }

  /** Ends the reservation; true if it was cancelled meanwhile. */
  release(runId: string): boolean {
    const entry = this.starting.get(runId);
    this.starting.delete(runId);
    return entry?.cancelled ?? false;
  }

  add(run: SharedRun): void {
    this.runs.set(run.runId, run);
  }

  get(runId: string): SharedRun | undefined {
    return this.runs.get(runId);
  }

  remove(runId: string): void {
    this.runs.delete(runId);
  }

  /** Runs a socket watches, and reservations it owns, for clean-up on disconnect. */
  forSocket(socketId: string): { runs: SharedRun[]; starting: string[] } {
    return {
      runs: [...this.runs.values()].filter((r) => r.hasViewer(socketId)),
      starting: [...this.starting.entries()].filter(([, e]) => e.owner === socketId).map(([id]) => id),
    };
  }

  get size(): number {
    return this.runs.size;
  }
}
