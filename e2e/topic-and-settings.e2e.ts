import { expect, test } from './support/fixtures';
import { uniqueName, WorkbenchPage } from './support/workbench-page';

test('a topic page tails records from the beginning, and the dark theme can be chosen', async ({
  workbench,
}) => {
  const wb = new WorkbenchPage(workbench);
  await wb.ready();
  const stream = uniqueName('logs');
  const topic = stream.toLowerCase();
  await wb.runAll(
    `CREATE STREAM ${stream} (ID BIGINT KEY, LEVEL STRING, DETAIL STRUCT<CODE INT, TAGS ARRAY<STRING>>) WITH (KAFKA_TOPIC='${topic}', PARTITIONS=1, VALUE_FORMAT='JSON');
INSERT INTO ${stream} (ID, LEVEL, DETAIL) VALUES (1, 'WARN', STRUCT(CODE := 7, TAGS := ARRAY['disk']));`,
  );
  await wb.waitForStatementsDone(2);

  // The insert form edits nested values too.
  await workbench.getByTestId(`insert-${stream}`).click();
  await workbench.getByTestId('insert-field-ID').fill('2');
  await workbench.getByTestId('insert-field-LEVEL').fill('INFO');
  await workbench.getByTestId('insert-field-DETAIL-CODE').fill('3');
  await workbench.getByTestId('insert-field-DETAIL-TAGS-add').click();
  await workbench.getByTestId('insert-field-DETAIL-TAGS-0').fill('net');
  await expect(workbench.getByTestId('insert-preview')).toHaveText(
    `INSERT INTO ${stream} (ID, LEVEL, DETAIL) VALUES (2, 'INFO', STRUCT(CODE := 3, TAGS := ARRAY['net']));`,
  );
  await wb.screenshot('insert-form');
  await workbench.getByTestId('insert-submit').click();
  await expect(workbench.getByTestId('insert-result')).toHaveText(`Inserted into ${stream}.`);
  await workbench.getByTestId('insert-form-close').click();

  await workbench.goto(new URL(`/topics/${topic}`, workbench.url()).toString());
  await expect(workbench.getByTestId('topic-facts')).toContainText('partitions');
  await workbench.getByTestId('tail-from-beginning').check();
  await workbench.getByTestId('tail-start').click();
  await expect(workbench.getByTestId('grid-row')).toHaveCount(2, { timeout: 30_000 });
  await expect(workbench.getByTestId('result-grid')).toContainText('"LEVEL":"INFO"');
  await wb.screenshot('topic-tail');

  await workbench.goto(new URL('/settings', workbench.url()).toString());
  await workbench.getByTestId('settings-theme').selectOption('dark');
  await workbench.getByTestId('settings-save').click();
  await expect(workbench.locator('html')).toHaveAttribute('data-theme', 'dark');
  await workbench.getByTestId('back-to-workbench').click();
  await wb.ready();
  await wb.openSection('catalog-history');
  await expect(workbench.getByTestId('history-item').first()).toBeVisible();
  await wb.screenshot('workbench-dark');
});
