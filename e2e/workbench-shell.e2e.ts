import { expect, test } from './support/fixtures';

test('the workbench connects to the engine, shows Kafka connected and accepts typing in Monaco', async ({
  workbench,
}) => {
  await expect(workbench.getByTestId('engine-status')).toHaveText(/Engine connected/);
  await expect(workbench.getByTestId('kafka-status')).toHaveText('Kafka connected');

  const editor = workbench.getByTestId('sql-editor').locator('.monaco-editor');
  await expect(editor).toBeVisible();
  await editor.click();
  await workbench.keyboard.press('ControlOrMeta+A');
  await workbench.keyboard.type('SELECT * FROM orders EMIT CHANGES;');
  await expect(workbench.getByTestId('sql-editor').locator('.view-lines')).toContainText(
    'SELECT * FROM orders EMIT CHANGES;',
  );
  await workbench.screenshot({ path: 'test-results/screenshots/workbench-shell.png', fullPage: true });
});
