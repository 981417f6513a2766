import { expect, type Locator, type Page } from '@playwright/test';

/** Names no other test (or earlier run against the same broker) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e4)}`.toUpperCase();
}

/**
 * The workbench as the tests drive it: through data-testid selectors and the keyboard, as a user
 * would. Each method waits for what it needs.
 */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  get editor(): Locator {
    return this.page.getByTestId('sql-editor').locator('.monaco-editor');
  }

  async ready(): Promise<void> {
    await expect(this.page.getByTestId('engine-status')).toHaveText(/Engine connected/, { timeout: 30_000 });
    await expect(this.page.getByTestId('kafka-status')).toHaveText('Kafka connected');
    await expect(this.editor).toBeVisible();
  }

  /** Replaces the editor's text (typed as one insertion, like a paste). */
  async setSql(sql: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(sql);
  }

  async runAll(sql?: string): Promise<void> {
    if (sql !== undefined) await this.setSql(sql);
    await this.editor.click();
    await this.page.keyboard.press('Shift+ControlOrMeta+Enter');
  }

  async runAtCursor(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Enter');
  }

  async from(where: 'beginning' | 'now'): Promise<void> {
    await this.page.getByTestId(`from-${where}`).check();
  }

  /** The chip of statement `index` (1-based) of the last run, for multi-statement runs. */
  resultChip(index: number): Locator {
    return this.page.getByTestId(`result-chip-${index}`);
  }

  async waitForStatementsDone(count: number): Promise<void> {
    for (let i = 1; i <= count; i++)
      await expect(this.resultChip(i)).toHaveAttribute('data-phase', /done|running|ended/, {
        timeout: 30_000,
      });
  }

  get grid(): Locator {
    return this.page.getByTestId('result-grid');
  }

  gridRows(): Locator {
    return this.grid.getByTestId('grid-row');
  }

  get status(): Locator {
    return this.page.getByTestId('status-bar');
  }

  get errorPanel(): Locator {
    return this.page.getByTestId('error-panel');
  }

  source(name: string): Locator {
    return this.page.getByTestId(`source-${name}`);
  }

  async openSection(testid: string): Promise<void> {
    const toggle = this.page.getByTestId(`${testid}-toggle`);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
