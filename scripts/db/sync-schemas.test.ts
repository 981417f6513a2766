import fs from 'node:fs';
import { expect, it } from 'vitest';
import { derivePostgresSchema, postgresSchemaPath, sqliteSchemaPath } from './sync-schemas';

it('the PostgreSQL schema is derived from the SQLite one (run scripts/db/sync-schemas.ts)', () => {
  const expected = derivePostgresSchema(fs.readFileSync(sqliteSchemaPath, 'utf8'));
  expect(fs.readFileSync(postgresSchemaPath, 'utf8')).toBe(expected);
  expect(expected).toContain('provider = "postgresql"');
});
