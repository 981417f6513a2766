import { expect, test } from './support/fixtures';
import { uniqueName, WorkbenchPage } from './support/workbench-page';

test('a windowed aggregate is drawn as a live line chart, one line per key', async ({ workbench }) => {
  const wb = new WorkbenchPage(workbench);
  await wb.ready();
  const stream = uniqueName('sales');
  const t0 = Date.UTC(2026, 0, 1);
  const row = (i: number) =>
    `INSERT INTO ${stream} (ROWTIME, ID, REGION, AMOUNT) VALUES (${t0 + i * 20_000}, ${i}, '${i % 2 ? 'EU' : 'US'}', ${i + 1}.5);`;
  await wb.runAll(
    `CREATE STREAM ${stream} (ID BIGINT KEY, REGION STRING, AMOUNT DOUBLE) WITH (KAFKA_TOPIC='${stream.toLowerCase()}', PARTITIONS=1, VALUE_FORMAT='JSON');
${Array.from({ length: 8 }, (_, i) => row(i)).join('\n')}`,
  );
  await wb.waitForStatementsDone(9);

  await wb.from('beginning');
  await wb.runAll(
    `SELECT REGION, WINDOWSTART, COUNT(*) AS N, SUM(AMOUNT) AS TOTAL FROM ${stream} WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY REGION EMIT CHANGES;`,
  );
  await expect(workbench.getByTestId('view-changelog')).toBeVisible({ timeout: 30_000 });
  await workbench.getByTestId('view-chart').click();
  const chart = workbench.getByTestId('live-chart');
  await expect(chart).toHaveAttribute('data-chart-type', 'line');
  await expect(workbench.getByTestId('chart-reason')).toHaveText('WINDOWSTART is time, one line per REGION');
  await expect(chart).toHaveAttribute('data-series', '4'); // EU and US, for N and TOTAL
  await expect(chart.locator('.recharts-line')).toHaveCount(4);
  const before = Number(await chart.getAttribute('data-points'));
  expect(before).toBeGreaterThanOrEqual(3);

  // New rows in a later window extend the lines while the chart is open.
  await workbench.getByTestId('new-tab').click();
  await wb.runAll(Array.from({ length: 4 }, (_, i) => row(i + 8)).join('\n'));
  await wb.waitForStatementsDone(4);
  await workbench.getByTestId('editor-tab-1').click();
  await workbench.getByTestId('view-chart').click();
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 30_000 })
    .toBeGreaterThan(before);

  // One click changes what is drawn.
  await workbench.getByTestId('chart-y-N').click();
  await expect(chart).toHaveAttribute('data-series', '2');
  await wb.screenshot('live-chart');
});
