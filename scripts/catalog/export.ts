/**
 * `npx tsx scripts/catalog/export.ts [--out file.sql]` — writes the service's whole catalog as a
 * SQL script (types, streams and tables in dependency order, CREATE … AS SELECT and INSERT INTO
 * with their session properties). Feed it to import.ts to rebuild the catalog, for backups,
 * migration to another service id or cluster, or to recover from a damaged command topic.
 */
import fs from 'node:fs';
import { exportCatalog } from '../../server/catalog/catalog-export';
import { COMMON_USAGE, openCatalog, runTool, toolOptions } from './catalog-tool';

const USAGE = `usage: npx tsx scripts/catalog/export.ts [--out <file>]
${COMMON_USAGE}
  --out <file>                write the script there (default: stdout)`;

runTool(async () => {
  const options = toolOptions(process.argv.slice(2), { out: { type: 'string' } });
  if (options.values.help) return void console.log(USAGE);
  const running = await openCatalog(options);
  try {
    const partitions = new Map((await running.services.topics.list()).map((t) => [t.name, t.partitions]));
    const catalog = running.state.catalog();
    const degraded = running.state.degraded;
    const script = exportCatalog(running.state.commands(), {
      partitions: (t) => partitions.get(t),
      header: `Kappa catalog of service ${options.serviceId}, exported ${new Date().toISOString()} at command offset ${catalog.lastOffset}${degraded ? ` (DEGRADED: ${degraded.reason})` : ''}`,
    });
    const out = options.values.out;
    if (typeof out === 'string') {
      fs.writeFileSync(out, script);
      console.error(
        `wrote ${catalog.sources().length} sources, ${catalog.queries().length} queries to ${out}`,
      );
    } else {
      process.stdout.write(script);
    }
  } finally {
    await running.stop();
  }
});
