import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, DatabaseTarget } from './database';

const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'prisma');

export function migrationsDir(provider: DatabaseTarget['provider']): string {
  return provider === 'postgresql'
    ? path.join(prismaDir, 'postgres', 'migrations')
    : path.join(prismaDir, 'migrations');
}

/**
 * Applies the committed migrations (written by `prisma migrate diff`) that this database has not
 * seen yet, in name order, each recorded in `_kappa_migrations`. We apply them ourselves rather
 * than with `prisma migrate deploy` because Prisma 6's migrate cannot introspect PostgreSQL
 * through a driver adapter (prisma/orm#27403), and one mechanism for both databases is simpler.
 */
export async function migrate(db: Database, provider: DatabaseTarget['provider']): Promise<string[]> {
  await db.$executeRawUnsafe(
    'CREATE TABLE IF NOT EXISTS "_kappa_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)',
  );
  const rows: Array<{ name: string }> = await db.$queryRawUnsafe('SELECT "name" FROM "_kappa_migrations"');
  const applied = new Set(rows.map((r) => r.name));
  const dir = migrationsDir(provider);
  const pending = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !applied.has(e.name))
    .map((e) => e.name)
    .sort();
  for (const name of pending) {
    const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
    const statements = splitSql(sql);
    await db.$transaction(async (tx) => {
      for (const statement of statements) await tx.$executeRawUnsafe(statement);
      const appliedAt = new Date().toISOString();
      await tx.$executeRaw`INSERT INTO "_kappa_migrations" ("name", "appliedAt") VALUES (${name}, ${appliedAt})`;
    });
  }
  return pending;
}

/** Prisma's generated migration SQL: statements end with `;` at the end of a line; `--` comments. */
export function splitSql(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
