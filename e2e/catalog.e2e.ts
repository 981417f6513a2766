import { expect, test } from './support/fixtures';
import { uniqueName, WorkbenchPage } from './support/workbench-page';

test('a stream created in the editor appears in the catalog with its columns, key and topic', async ({
  workbench,
}) => {
  const wb = new WorkbenchPage(workbench);
  await wb.ready();
  const stream = uniqueName('orders');
  await wb.runAll(
    `CREATE STREAM ${stream} (ID BIGINT KEY, ITEM STRING, AMOUNT DOUBLE) WITH (KAFKA_TOPIC='${stream.toLowerCase()}', PARTITIONS=1, VALUE_FORMAT='JSON');`,
  );
  await expect(workbench.getByTestId('statement-result')).toContainText(/created/i);

  const item = wb.source(stream);
  await expect(item).toBeVisible();
  await workbench.getByTestId(`source-toggle-${stream}`).click();
  await expect(item).toContainText('ID');
  await expect(item).toContainText('BIGINT');
  await expect(item).toContainText('AMOUNT');
  await expect(item).toContainText(stream.toLowerCase());
  await expect(item.getByLabel('key')).toHaveCount(1);

  // One click to DESCRIBE: a new tab runs it and shows the fields.
  await workbench.getByTestId(`describe-${stream}`).click();
  await expect(workbench.getByTestId('describe-fields')).toContainText('AMOUNT');
  await wb.screenshot('catalog-describe');
});
