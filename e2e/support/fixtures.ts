import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { ENGINE_URL_STORAGE_KEY } from '../../lib/client/engine-url';
import { stackInfo, type StackInfo } from './stack-info';

/**
 * Every test gets a page pointed at the test engine (through the workbench's saved engine URL) and
 * fails if the browser console shows an error.
 */
export const test = base.extend<{ stack: StackInfo; consoleErrors: string[]; workbench: Page }>({
  stack: async ({}, use) => {
    await use(stackInfo());
  },
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  workbench: async ({ page, stack, consoleErrors }, use) => {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.addInitScript(([key, url]) => window.localStorage.setItem(key, url), [
      ENGINE_URL_STORAGE_KEY,
      stack.engineUrl,
    ] as const);
    await page.goto(stack.appUrl);
    await use(page);
    expect(consoleErrors, 'browser console errors').toEqual([]);
  },
});

export { expect };
