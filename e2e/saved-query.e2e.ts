import { expect, test } from './support/fixtures';
import { uniqueName, WorkbenchPage } from './support/workbench-page';

test('a saved query and the editor drafts survive a reload', async ({ workbench }) => {
  const wb = new WorkbenchPage(workbench);
  await wb.ready();
  const name = `Saved ${uniqueName('q')}`;
  const sql = `SELECT * FROM ${uniqueName('s')} EMIT CHANGES;`;
  await wb.setSql(sql);
  await workbench.getByTestId('save-button').click();
  await workbench.getByTestId('save-name').fill(name);
  await workbench.getByTestId('save-confirm').click();
  await expect(workbench.getByTestId('save-dialog')).toHaveCount(0);

  await workbench.getByTestId('new-tab').click();
  await wb.setSql('SHOW TOPICS;');
  await workbench.waitForTimeout(500); // drafts are written shortly after the last keystroke
  await workbench.reload();
  await wb.ready();

  // The drafts: both tabs, with their text.
  await expect(workbench.getByTestId('editor-tab-2')).toBeVisible();
  await expect(workbench.getByTestId('sql-editor').locator('.view-lines')).toContainText('SHOW TOPICS;');

  // The saved query: listed, searchable, and it opens in a new tab.
  await wb.openSection('catalog-saved');
  await workbench.getByTestId('saved-search').fill(name);
  const saved = workbench.getByTestId('saved-item').filter({ hasText: name });
  await expect(saved).toHaveCount(1);
  await saved.getByTestId('saved-open').click();
  await expect(workbench.getByTestId('sql-editor').locator('.view-lines')).toContainText(sql);
  await wb.screenshot('saved-queries');
});
