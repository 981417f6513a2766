import type { DegradedState } from './catalog-state';

/**
 * Why DDL is refused while the engine is DEGRADED, worded like ksqlDB's messages (#7267, #5275)
 * but saying which record and how to repair it.
 */
export function degradedMessage(degraded: DegradedState): string {
  const incompatible = degraded.reason.includes('INCOMPATIBLE_COMMAND');
  const head = incompatible
    ? 'The server has encountered an incompatible entry in its command topic and cannot process further DDL statements. This is most likely because a newer engine version wrote it.'
    : 'The server has detected corruption in the command topic. DDL statements will not be processed any further until it is repaired.';
  return `${head}\nProblem: ${degraded.reason}\nRepair: inspect the topic with \`npx tsx scripts/catalog/repair.ts status\`, then skip the record with \`npx tsx scripts/catalog/repair.ts skip ${degraded.offset}\` (every engine then ignores it), or rebuild the catalog from \`scripts/catalog/export.ts\` output with \`scripts/catalog/import.ts\`. Queries, SHOW and DESCRIBE keep working meanwhile.`;
}
