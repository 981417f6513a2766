import fs from 'node:fs';
import { expect, it } from 'vitest';
import { KAPPA_VERSION } from './version';

it('matches package.json', () => {
  const pkg: unknown = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  expect(pkg).toMatchObject({ version: KAPPA_VERSION });
});
