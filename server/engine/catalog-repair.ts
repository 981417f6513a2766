import { COMMAND_VERSION, commandId, type Command } from '../catalog/command-schema';
import type { CatalogState } from './catalog-state';
import type { CommandLog } from './services';

export class RepairError extends Error {
  override readonly name = 'RepairError';
}

/**
 * The repair path for a DEGRADED engine: appends a `skip` command naming bad offsets. Every engine
 * (running, or replaying later) then ignores those records and, once no problem is left, returns
 * to RUNNING. The skipped statements are lost: re-run them if they are still wanted. Offsets that
 * are not current problems are refused unless `force` (skipping a good record would silently
 * drop part of the catalog on the next replay).
 */
export async function skipCommands(
  commands: CommandLog,
  state: CatalogState,
  offsets: readonly number[],
  reason: string,
  force = false,
): Promise<number> {
  if (offsets.length === 0) throw new RepairError('Name at least one offset to skip.');
  const problems = new Set(state.problemList.map((p) => p.offset));
  const unknown = offsets.filter((o) => !problems.has(o));
  if (unknown.length > 0 && !force) {
    throw new RepairError(
      `Offsets ${unknown.join(', ')} hold no unreadable or inapplicable record (problems: ${[...problems].join(', ') || 'none'}). Use --force to skip them anyway.`,
    );
  }
  const command: Command = { type: 'skip', offsets: [...offsets], reason };
  return commands.append(commandId(command), {
    version: COMMAND_VERSION,
    statement: `-- repair: skip ${offsets.join(', ')}`,
    properties: {},
    command,
  });
}
