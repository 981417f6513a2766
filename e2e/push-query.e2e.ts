import { expect, test } from './support/fixtures';
import { uniqueName, WorkbenchPage } from './support/workbench-page';

test('a push query from the beginning shows rows as a second page inserts them', async ({
  workbench,
  context,
}) => {
  const wb = new WorkbenchPage(workbench);
  await wb.ready();
  const stream = uniqueName('clicks');
  await wb.runAll(
    `CREATE STREAM ${stream} (ID BIGINT KEY, PAGE STRING, MS INT) WITH (KAFKA_TOPIC='${stream.toLowerCase()}', PARTITIONS=1, VALUE_FORMAT='JSON');
INSERT INTO ${stream} (ID, PAGE, MS) VALUES (1, '/home', 120);
INSERT INTO ${stream} (ID, PAGE, MS) VALUES (2, '/cart', 340);`,
  );
  await wb.waitForStatementsDone(3);

  await wb.from('beginning');
  await wb.runAll(`SELECT * FROM ${stream} EMIT CHANGES;`);
  await expect(wb.gridRows()).toHaveCount(2, { timeout: 30_000 });
  await expect(wb.status).toContainText('running');

  // A second page inserts a row through the insert form generated from the schema.
  const other = await context.newPage();
  const second = new WorkbenchPage(other);
  await other.goto(workbench.url());
  await second.ready();
  await other.getByTestId(`insert-${stream}`).click();
  await other.getByTestId('insert-field-ID').fill('3');
  await other.getByTestId('insert-field-PAGE').fill('/checkout');
  await other.getByTestId('insert-field-MS').fill('95');
  await expect(other.getByTestId('insert-preview')).toHaveText(
    `INSERT INTO ${stream} (ID, PAGE, MS) VALUES (3, '/checkout', 95);`,
  );
  await other.getByTestId('insert-submit').click();
  await expect(other.getByTestId('insert-result')).toHaveText(`Inserted into ${stream}.`);
  await other.close();

  await expect(wb.gridRows()).toHaveCount(3, { timeout: 30_000 });
  await expect(wb.grid).toContainText('/checkout');
  await expect(workbench.getByTestId('status-rows')).toHaveText('3 rows');
  await expect(workbench.getByTestId('status-dropped')).toHaveText('0 dropped');
  await wb.screenshot('push-query-grid');

  await workbench.getByTestId('pause-button').click();
  await expect(workbench.getByTestId('status-phase')).toHaveText('paused');
  await workbench.getByTestId('resume-button').click();
  await expect(workbench.getByTestId('status-phase')).toHaveText('running');
  await workbench.getByTestId('stop-button').click();
  await expect(workbench.getByTestId('status-phase')).toHaveText('ended');
});
