import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

/**
 * Prisma 6.19 in its offline mode: the TypeScript query compiler and the WASM schema engine, with a
 * driver adapter, so that `generate` and `migrate deploy` need no download (ENVIRONMENT.md).
 */
const databaseUrl = process.env.DATABASE_URL;
const isPostgres = databaseUrl?.startsWith('postgres') ?? false;
const sqliteFile = path.resolve(process.env.KAPPA_DATA_DIR ?? '.kappa', 'kappa.db');

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: isPostgres ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: isPostgres ? 'prisma/postgres/migrations' : 'prisma/migrations' },
  adapter: async () =>
    isPostgres && databaseUrl
      ? new PrismaPg({ connectionString: databaseUrl })
      : new PrismaBetterSQLite3({ url: `file:${sqliteFile}` }),
});
