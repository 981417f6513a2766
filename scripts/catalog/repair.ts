/**
 * `npx tsx scripts/catalog/repair.ts status|skip|dump` — the repair path of a damaged command
 * topic (an engine that reports DEGRADED in /info, /healthcheck and the workbench):
 *
 *   status                  replays the topic and lists every record that cannot be read (CORRUPTED,
 *                           e.g. a garbage write) or applied, or comes from a newer engine
 *                           (INCOMPATIBLE_COMMAND), with its offset
 *   skip <offset>… [--reason text] [--force]
 *                           appends a `skip` record: every engine ignores those records from then on
 *                           (and on every later replay) and returns to RUNNING once nothing else is
 *                           wrong; the skipped statements are lost, re-run them if still wanted
 *   dump [--out file]       copies the raw records (offset, key, value) as JSON lines, a byte-exact
 *                           backup to inspect or to produce back with any Kafka tool
 *
 * When the topic itself is lost or unusable (deleted, truncated, wrong partition count), rebuild
 * it: `export.ts` from any engine that still has the catalog (or from a dump replayed into a new
 * service id), delete the topic, start the engines (they create an empty one), `import.ts`.
 */
import fs from 'node:fs';
import { skipCommands } from '../../server/engine/catalog-repair';
import { CommandReader, type CommandTopicRecord } from '../../server/kafka/command-reader';
import { commandTopicName } from '../../server/kafka/command-topic';
import { COMMON_USAGE, openCatalog, runTool, toolKafka, toolLogger, toolOptions } from './catalog-tool';

const USAGE = `usage: npx tsx scripts/catalog/repair.ts status | skip <offset>… [--reason <text>] [--force] | dump [--out <file>]
${COMMON_USAGE}`;

runTool(async () => {
  const options = toolOptions(process.argv.slice(2), {
    reason: { type: 'string' },
    force: { type: 'boolean' },
    out: { type: 'string' },
  });
  const [command, ...rest] = options.positionals;
  if (options.values.help || !command) return void console.log(USAGE);
  if (command === 'dump')
    return dump(options, typeof options.values.out === 'string' ? options.values.out : undefined);
  const running = await openCatalog(options);
  try {
    const state = running.state;
    if (command === 'status') {
      const catalog = state.catalog();
      console.log(
        `service ${options.serviceId}: ${running.replay.records} records, ${catalog.sources().length} sources, ${catalog.queries().length} queries, ${catalog.types().size} types`,
      );
      if (state.problemList.length === 0) return void console.log('status: RUNNING (no problem found)');
      console.log(`status: DEGRADED (${state.problemList.length} problem(s))`);
      for (const p of state.problemList)
        console.log(`  offset ${p.offset} key ${p.key || '(none)'}\n    ${p.reason}`);
      console.log(
        `to skip them: npx tsx scripts/catalog/repair.ts skip ${state.problemList.map((p) => p.offset).join(' ')}`,
      );
      return;
    }
    if (command === 'skip') {
      const offsets = rest.map((o) => {
        const n = Number(o);
        if (!Number.isInteger(n) || n < 0) throw new Error(`not an offset: ${o}`);
        return n;
      });
      const reason =
        typeof options.values.reason === 'string' ? options.values.reason : 'skipped by repair.ts';
      const at = await skipCommands(running.commands, state, offsets, reason, options.values.force === true);
      await state.waitFor(at, 10_000);
      console.log(
        `wrote a skip record at offset ${at}; status now ${state.degraded ? 'DEGRADED' : 'RUNNING'}`,
      );
      return;
    }
    throw new Error(USAGE);
  } finally {
    await running.stop();
  }
});

async function dump(options: ReturnType<typeof toolOptions>, out: string | undefined): Promise<void> {
  const log = toolLogger();
  const reader = new CommandReader(
    toolKafka(options, log),
    commandTopicName(options.serviceId),
    `_kappa-${options.serviceId}_command_dump_${process.pid}_${Date.now()}`,
    log,
  );
  let records: readonly CommandTopicRecord[] = [];
  await reader.start({ replayed: (r) => (records = r), followed: () => {} });
  await reader.stop();
  const text = records.map((r) => JSON.stringify(r)).join('\n') + (records.length > 0 ? '\n' : '');
  if (out) {
    fs.writeFileSync(out, text);
    console.error(`wrote ${records.length} records to ${out}`);
  } else {
    process.stdout.write(text);
  }
}
