/**
 * `npx tsx scripts/catalog/import.ts file.sql` — runs an exported catalog script against the
 * service (through its command topic, like any client's statements: validated first, nothing
 * runs if a statement is invalid). The cluster's engines then start the imported queries.
 */
import fs from 'node:fs';
import { COMMON_USAGE, openCatalog, runTool, toolOptions } from './catalog-tool';

const USAGE = `usage: npx tsx scripts/catalog/import.ts <file.sql>
${COMMON_USAGE}`;

runTool(async () => {
  const options = toolOptions(process.argv.slice(2));
  const file = options.positionals[0];
  if (options.values.help || !file) return void console.log(USAGE);
  const script = fs.readFileSync(file, 'utf8');
  const running = await openCatalog(options);
  try {
    const entities = await running.engine.execute(script, { commandTimeoutMs: 30_000 });
    const commands = entities.filter((e) => e['@type'] === 'currentStatus').length;
    const warnings = entities.filter((e) => e['@type'] === 'warning_entity');
    for (const w of warnings) console.error(`warning: ${String(w.message)}`);
    const catalog = running.state.catalog();
    console.error(
      `imported ${commands} statements; the catalog now has ${catalog.sources().length} sources and ${catalog.queries().length} queries`,
    );
  } finally {
    await running.stop();
  }
});
