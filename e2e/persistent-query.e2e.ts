import { expect, test } from './support/fixtures';
import { uniqueName, WorkbenchPage } from './support/workbench-page';

test('a persistent query is listed with its plan and can be terminated after confirming', async ({
  workbench,
}) => {
  const wb = new WorkbenchPage(workbench);
  await wb.ready();
  const source = uniqueName('payments');
  const sink = `${source}_BIG`;
  await wb.from('beginning');
  await wb.runAll(
    `CREATE STREAM ${source} (ID BIGINT KEY, AMOUNT DOUBLE) WITH (KAFKA_TOPIC='${source.toLowerCase()}', PARTITIONS=1, VALUE_FORMAT='JSON');
CREATE STREAM ${sink} AS SELECT * FROM ${source} WHERE AMOUNT > 100 EMIT CHANGES;`,
  );
  await wb.waitForStatementsDone(2);

  await wb.openSection('catalog-queries');
  const item = workbench.locator('li[data-testid^="query-"]').filter({ hasText: sink });
  await expect(item).toHaveCount(1, { timeout: 30_000 });
  const testid = await item.getAttribute('data-testid');
  const queryId = (testid ?? '').replace(/^query-/, '');
  expect(queryId).toMatch(/^CSAS_/);

  // The query page shows its SQL and plan.
  await workbench.getByTestId(`query-link-${queryId}`).click();
  await expect(workbench.getByTestId('query-sql')).toContainText(`CREATE STREAM ${sink}`);
  await expect(workbench.getByTestId('plan-graph')).toBeVisible();
  await wb.screenshot('query-detail');
  await workbench.getByTestId('back-to-workbench').click();
  await wb.ready();

  await wb.openSection('catalog-queries');
  await workbench.getByTestId(`terminate-${queryId}`).click();
  const dialog = workbench.getByTestId('confirm-dialog');
  await expect(dialog).toContainText(queryId);
  await dialog.getByTestId('confirm-ok').click();
  await expect(workbench.getByTestId(`query-${queryId}`)).toHaveCount(0, { timeout: 30_000 });
});
