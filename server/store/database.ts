import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../../generated/prisma/sqlite/client';
import { PrismaClient as PostgresClient } from '../../generated/prisma/postgres/client';

/**
 * Both generated clients come from one model definition (prisma/schema.prisma and its derived
 * PostgreSQL copy), so their model APIs are identical; the store is typed against the SQLite one.
 */
export type Database = SqliteClient;

export interface DatabaseTarget {
  readonly provider: 'sqlite' | 'postgresql';
  /** SQLite file path, or the PostgreSQL connection string. */
  readonly location: string;
}

/** SQLite under the data folder unless DATABASE_URL names a PostgreSQL database. */
export function databaseTarget(databaseUrl: string | undefined, dataDir: string): DatabaseTarget {
  if (databaseUrl?.startsWith('postgres')) return { provider: 'postgresql', location: databaseUrl };
  if (databaseUrl?.startsWith('file:'))
    return { provider: 'sqlite', location: path.resolve(databaseUrl.slice(5)) };
  return { provider: 'sqlite', location: path.resolve(dataDir, 'kappa.db') };
}

export function openDatabase(target: DatabaseTarget): Database {
  if (target.provider === 'postgresql') {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.location }) });
    return client as unknown as Database;
  }
  fs.mkdirSync(path.dirname(target.location), { recursive: true });
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: `file:${target.location}` }) });
}
