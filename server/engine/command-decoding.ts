import { COMMAND_VERSION, CommandRecordSchema, type CommandRecord } from '../catalog/command-schema';

/** A command-topic record as this engine understood it: a valid record, or why it is not one. */
export type DecodedCommand =
  | { readonly offset: number; readonly key: string; readonly record: CommandRecord }
  | { readonly offset: number; readonly key: string; readonly problem: string };

/**
 * Reads a command record's value (JSON text), validating it with zod (CONVENTIONS §9). A record
 * from a newer engine is INCOMPATIBLE_COMMAND even if it happens to parse, because its meaning
 * may differ; anything else unreadable is CORRUPTED. Never throws.
 */
export function decodeCommand(offset: number, key: string, value: string | null): DecodedCommand {
  if (value === null) return { offset, key, problem: corrupted(offset, 'the record has no value') };
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return { offset, key, problem: corrupted(offset, 'the value is not JSON') };
  }
  return decodeParsed(offset, key, raw);
}

export function decodeParsed(offset: number, key: string, raw: unknown): DecodedCommand {
  const version =
    typeof raw === 'object' && raw !== null && 'version' in raw
      ? (raw as { version: unknown }).version
      : undefined;
  if (typeof version === 'number' && version > COMMAND_VERSION) {
    return {
      offset,
      key,
      problem: `The command at offset ${offset} has version ${version}; this engine understands version ${COMMAND_VERSION} (INCOMPATIBLE_COMMAND). Upgrade the engine, or skip the record with scripts/catalog/repair.ts.`,
    };
  }
  const parsed = CommandRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { offset, key, problem: corrupted(offset, `${issue?.message ?? 'invalid record'}${where}`) };
  }
  return { offset, key, record: parsed.data };
}

function corrupted(offset: number, detail: string): string {
  return `The command at offset ${offset} could not be read (CORRUPTED): ${detail}. Skip it with scripts/catalog/repair.ts, or restore the catalog from an export.`;
}
