import { expect, test } from './support/fixtures';
import { uniqueName, WorkbenchPage } from './support/workbench-page';

test('a second browser watches a running push query from its shared link', async ({
  workbench,
  context,
  consoleErrors,
}) => {
  const wb = new WorkbenchPage(workbench);
  await wb.ready();
  const stream = uniqueName('events');
  await wb.runAll(
    `CREATE STREAM ${stream} (ID BIGINT KEY, KIND STRING) WITH (KAFKA_TOPIC='${stream.toLowerCase()}', PARTITIONS=1, VALUE_FORMAT='JSON');
INSERT INTO ${stream} (ID, KIND) VALUES (1, 'signup');`,
  );
  await wb.waitForStatementsDone(2);
  await wb.from('beginning');
  await wb.runAll(`SELECT * FROM ${stream} EMIT CHANGES;`);
  await expect(wb.gridRows()).toHaveCount(1, { timeout: 30_000 });
  const path = await workbench.getByTestId('share-button').getAttribute('data-watch-path');
  expect(path).toMatch(/^\/watch\//);

  const viewer = await context.newPage();
  viewer.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await viewer.goto(new URL(path ?? '', workbench.url()).toString());
  await expect(viewer.getByTestId('grid-row')).toHaveCount(1, { timeout: 30_000 });
  await expect(viewer.getByTestId('status-viewers')).toHaveText('2 viewers');

  // A row inserted now reaches both viewers from the one engine query.
  await workbench.getByTestId('new-tab').click();
  await wb.runAll(`INSERT INTO ${stream} (ID, KIND) VALUES (2, 'login');`);
  await expect(viewer.getByTestId('grid-row')).toHaveCount(2, { timeout: 30_000 });
  await viewer.screenshot({ path: 'test-results/screenshots/shared-run.png' });
  await viewer.close();
});
