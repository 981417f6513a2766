import { ApplyError, applyToDraft } from '../catalog/apply';
import { Catalog } from '../catalog/catalog';
import type { CommandRecord } from '../catalog/command-schema';
import { queryContext } from '../catalog/query-context';
import { compactForReplay, type LogEntry } from '../catalog/replay-compactor';
import type { DecodedCommand } from './command-decoding';
import { successMessage } from './command-messages';

export interface CommandProblem {
  readonly offset: number;
  readonly key: string;
  readonly reason: string;
}

export interface ReplayResult {
  readonly catalog: Catalog;
  /** Each surviving persistent query's planning context (see queryContext). */
  readonly queryContexts: ReadonlyMap<string, Catalog>;
  readonly problems: readonly CommandProblem[];
  readonly statuses: ReadonlyMap<
    string,
    { status: 'SUCCESS' | 'ERROR'; message: string; queryId: string | null }
  >;
  /** Offsets skipped on a repair tool's request. */
  readonly skipped: ReadonlySet<number>;
  /** The commands applied (the compacted log): the catalog's history from now on. */
  readonly history: readonly LogEntry[];
}

/**
 * Rebuilds the catalog from a whole log (sorted by offset) in one pass: records skipped by a later `skip` command
 * are ignored, unreadable ones become problems (the engine goes DEGRADED), the rest is compacted
 * (compactForReplay) and applied through a single draft, so replay is linear in the log length.
 * If the compacted log does not apply cleanly, the full log is applied record by record so each
 * problem is reported at its own offset.
 */
export function replayLog(entries: readonly DecodedCommand[]): ReplayResult {
  const skipped = new Set<number>();
  for (const e of entries) if ('record' in e && e.record.command.type === 'skip') addAll(skipped, e);
  const problems: CommandProblem[] = [];
  const good: LogEntry[] = [];
  for (const e of entries) {
    if (skipped.has(e.offset)) continue;
    if ('problem' in e) problems.push({ offset: e.offset, key: e.key, reason: e.problem });
    else good.push(e);
  }
  // Query ids number from the last applied record (not from a transaction marker after it), the
  // same on an engine that replayed and on one that applied the records live.
  const lastOffset = good[good.length - 1]?.offset ?? -1;
  const compacted = compactForReplay(good);
  let history: readonly LogEntry[] = compacted;
  let result = applyEntries(compacted, lastOffset);
  if (result.problems.length > 0) {
    history = good;
    result = applyEntries(good, lastOffset);
  }
  const statuses = new Map<
    string,
    { status: 'SUCCESS' | 'ERROR'; message: string; queryId: string | null }
  >();
  for (const e of good) {
    statuses.set(e.key, {
      status: 'SUCCESS',
      message: statusMessage(e.record),
      queryId: queryIdOf(e.record),
    });
  }
  const allProblems = [...problems, ...result.problems].sort((a, b) => a.offset - b.offset);
  for (const p of allProblems) statuses.set(p.key, { status: 'ERROR', message: p.reason, queryId: null });
  return { ...result, problems: allProblems, statuses, skipped, history };
}

function addAll(skipped: Set<number>, e: { record: CommandRecord }): void {
  const c = e.record.command;
  if (c.type === 'skip') for (const o of c.offsets) skipped.add(o);
}

function applyEntries(
  entries: readonly LogEntry[],
  lastOffset: number,
): { catalog: Catalog; queryContexts: Map<string, Catalog>; problems: CommandProblem[] } {
  const draft = Catalog.EMPTY.draft();
  const queryContexts = new Map<string, Catalog>();
  const problems: CommandProblem[] = [];
  for (const e of entries) {
    const c = e.record.command;
    const query = c.type === 'createAsSelect' || c.type === 'insertInto' ? c.query : undefined;
    const context = query
      ? queryContext((n) => draft.sources.get(n), draft.types, query, e.offset - 1)
      : undefined;
    try {
      applyToDraft(draft, c, e.offset);
    } catch (error) {
      const message = error instanceof ApplyError ? error.message : String(error);
      problems.push({
        offset: e.offset,
        key: e.key,
        reason: `The command at offset ${e.offset} could not be applied: ${message}`,
      });
      continue;
    }
    if (query && context) queryContexts.set(query.id, context);
  }
  draft.lastOffset = lastOffset;
  const catalog = draft.build();
  for (const id of [...queryContexts.keys()]) if (!catalog.query(id)) queryContexts.delete(id);
  return { catalog, queryContexts, problems };
}

/** Replay cannot know the catalog before each command; a DROP's topic is not in its record. */
function statusMessage(record: CommandRecord): string {
  return successMessage(record, Catalog.EMPTY);
}

function queryIdOf(record: CommandRecord): string | null {
  const c = record.command;
  return c.type === 'createAsSelect' || c.type === 'insertInto' ? c.query.id : null;
}
