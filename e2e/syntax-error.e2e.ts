import { expect, test } from './support/fixtures';
import { WorkbenchPage } from './support/workbench-page';

test('a syntax error is marked at its line and column, under the editor and in it', async ({ workbench }) => {
  const wb = new WorkbenchPage(workbench);
  await wb.ready();
  // Line 3, column 33: a second number where an operator or EMIT belongs.
  await wb.setSql('SHOW STREAMS;\nSELECT ID, AMOUNT\n  FROM orders WHERE AMOUNT > 10 10\n  EMIT CHANGES;');
  await expect(workbench.getByTestId('live-problems')).toContainText('Ln 3, Col 33', { timeout: 15_000 });
  await expect(wb.editor.locator('.squiggly-error')).not.toHaveCount(0);

  await workbench.keyboard.press('ControlOrMeta+End');
  await wb.runAtCursor();
  const error = wb.errorPanel.getByTestId('run-error');
  await expect(error).toBeVisible({ timeout: 15_000 });
  await expect(error.getByTestId('error-code')).toHaveText('40001');
  await expect(error.getByTestId('error-message')).toContainText("found '10'");
  await expect(error.getByTestId('error-location')).toHaveText('Ln 3, Col 33');
  await wb.screenshot('syntax-error');

  // The location takes the cursor there.
  await error.getByTestId('error-location').click();
  await expect(wb.page.locator('.monaco-editor .current-line').first()).toBeVisible();
});
