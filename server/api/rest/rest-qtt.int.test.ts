import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, inject, it } from 'vitest';
import { uniqueName } from '../../../scripts/testing/unique';
import { startLiveServer } from './test-support/live-engine';
import { loadQttFile, runRestQttCase, type J } from './test-support/rest-qtt-case';

/**
 * ksqlDB's REST conformance cases against the live engine, one fresh engine (service id) per
 * case. A measurement, not a gate: it takes about ten minutes, so it runs only with
 * KAPPA_REST_QTT=1 and writes its report to KAPPA_REST_QTT_REPORT (default stdout):
 *   KAPPA_REST_QTT=1 npx vitest run --project integration server/api/rest/rest-qtt.int.test.ts
 * Cases in Schema Registry formats (AVRO, PROTOBUF) are skipped.
 */
const DIR =
  process.env.KAPPA_QTT_DIR ??
  path.resolve(import.meta.dirname, '../../../../shared/ksqldb-qtt/rest-query-validation-tests');

describe.runIf(process.env.KAPPA_REST_QTT === '1')('ksqlDB REST query-validation tests', () => {
  it('run against the REST API', async () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const lines: string[] = [];
    let pass = 0,
      fail = 0,
      skip = 0,
      n = 0;
    for (const f of files) {
      let fp = 0,
        ff = 0;
      for (const base of loadQttFile(path.join(DIR, f)).tests) {
        for (const format of (base.format as string[] | undefined) ?? [null]) {
          const c = format ? (JSON.parse(JSON.stringify(base).replaceAll('{FORMAT}', format)) as J) : base;
          const name = `${f} :: ${String(c.name)}${format ? ` [${format}]` : ''}`;
          if ((format && format !== 'JSON') || 'testPullWithProtoFormat' in c) {
            skip++;
            lines.push(`SKIP ${name} (schema registry format)`);
            continue;
          }
          n++;
          const live = await startLiveServer(inject('kafkaBootstrapServers'), uniqueName('rq'));
          let result: string | undefined;
          try {
            result = await runRestQttCase(live, c, n);
          } catch (e) {
            result = `threw ${String(e)}`;
          }
          await live.stop().catch(() => undefined);
          if (result?.startsWith('SKIP')) {
            skip++;
            lines.push(`SKIP ${name}`);
          } else if (result === undefined) {
            pass++;
            fp++;
            lines.push(`PASS ${name}`);
          } else {
            fail++;
            ff++;
            lines.push(`FAIL ${name}: ${result}`);
          }
        }
      }
      lines.push(`== ${f}: ${fp} passed, ${ff} failed`);
    }
    lines.push(`TOTAL: ${pass} passed, ${fail} failed, ${skip} skipped`);
    const report = process.env.KAPPA_REST_QTT_REPORT;
    if (report) writeFileSync(report, `${lines.join('\n')}\n`);
    else console.log(lines.join('\n'));
  }, 3_600_000);
});
