import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Finds a PostgreSQL server for the store's tests: KAPPA_TEST_POSTGRES_URL if set, else a local
 * server on 127.0.0.1:5432 (trust auth, as on the CI machines), in which a fresh database is created.
 * Resolves undefined when there is none.
 */
export async function testPostgres(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  if (process.env.KAPPA_TEST_POSTGRES_URL)
    return { url: process.env.KAPPA_TEST_POSTGRES_URL, drop: async () => {} };
  const admin = new pg.Client({
    connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres',
    connectionTimeoutMillis: 2000,
  });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `kappa_test_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: `postgresql://postgres@127.0.0.1:5432/${name}`,
    drop: async () => {
      const client = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
