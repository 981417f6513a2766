/**
 * prisma/schema.prisma (SQLite) is the one schema we edit. Prisma fixes the provider per schema
 * file, so the PostgreSQL schema is derived from it here; `--check` fails when it is out of date
 * (run by the unit tests). After a model change: `npx tsx scripts/db/sync-schemas.ts` and add a
 * migration for both providers with `prisma migrate diff`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/paths';

export const sqliteSchemaPath = path.join(repoRoot, 'prisma', 'schema.prisma');
export const postgresSchemaPath = path.join(repoRoot, 'prisma', 'postgres', 'schema.prisma');

export function derivePostgresSchema(sqlite: string): string {
  return `// GENERATED from prisma/schema.prisma by scripts/db/sync-schemas.ts: do not edit.\n${sqlite
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:../.kappa/kappa.db"', 'url      = "postgresql://localhost/placeholder"')
    .replace('output     = "../generated/prisma/sqlite"', 'output     = "../../generated/prisma/postgres"')}`;
}

function main(): void {
  const expected = derivePostgresSchema(fs.readFileSync(sqliteSchemaPath, 'utf8'));
  if (process.argv.includes('--check')) {
    const actual = fs.existsSync(postgresSchemaPath) ? fs.readFileSync(postgresSchemaPath, 'utf8') : '';
    if (actual !== expected) {
      console.error(
        'prisma/postgres/schema.prisma is out of date: run `npx tsx scripts/db/sync-schemas.ts`.',
      );
      process.exit(1);
    }
    return;
  }
  fs.mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
  fs.writeFileSync(postgresSchemaPath, expected);
  console.log(`wrote ${path.relative(repoRoot, postgresSchemaPath)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname))
  main();
