import { expect, test } from './support/fixtures';
import { uniqueName, WorkbenchPage } from './support/workbench-page';

test('the editor completes from the engine, documents functions, formats and fixes a misspelled column', async ({
  workbench,
}) => {
  const wb = new WorkbenchPage(workbench);
  await wb.ready();
  const stream = uniqueName('trades');
  await wb.runAll(
    `CREATE STREAM ${stream} (ID BIGINT KEY, SYMBOL STRING, PRICE DOUBLE) WITH (KAFKA_TOPIC='${stream.toLowerCase()}', PARTITIONS=1, VALUE_FORMAT='JSON');
INSERT INTO ${stream} (ID, SYMBOL, PRICE) VALUES (1, 'ACME', 12.5);`,
  );
  await wb.waitForStatementsDone(2);

  // Completion: the engine offers the new stream after FROM (typed in part: the list is long).
  await wb.setSql(`SELECT * FROM ${stream.slice(0, 10)}`);
  await workbench.keyboard.press('Control+Space');
  const suggest = workbench.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText(stream);
  await workbench.keyboard.press('Escape');

  // Hover docs for a function.
  await wb.setSql('SELECT ABS(PRICE) FROM x;');
  await workbench.getByTestId('sql-editor').locator('.view-line span span', { hasText: /^ABS$/ }).hover();
  await expect(workbench.locator('.monaco-hover').filter({ hasText: 'absolute value' })).toBeVisible();

  // Format (Shift+Alt+F) through the engine's formatter.
  await wb.setSql(`select id,price from ${stream.toLowerCase()} emit changes;`);
  await workbench.getByTestId('format-button').click();
  await expect(workbench.getByTestId('sql-editor').locator('.view-lines')).toContainText('SELECT');

  // A misspelled column: the error under the editor offers the near one, in one click.
  await wb.setSql(`SELECT ID, PRCIE FROM ${stream} EMIT CHANGES;`);
  await wb.from('beginning');
  await wb.runAtCursor();
  const fix = wb.errorPanel.getByTestId('quick-fix');
  await expect(fix).toHaveText('Fix: Change PRCIE to PRICE');
  await fix.click();
  await expect(workbench.getByTestId('sql-editor').locator('.view-lines')).toContainText(
    `SELECT ID, PRICE FROM ${stream}`,
  );
  await wb.runAtCursor();
  await expect(wb.gridRows()).toHaveCount(1, { timeout: 30_000 });
  await wb.screenshot('editor-fixed');
});
