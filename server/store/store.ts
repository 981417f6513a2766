import { databaseTarget, openDatabase, type Database, type DatabaseTarget } from './database';
import { migrate } from './migrate';
import { RunHistory } from './run-history';
import { SavedQueries } from './saved-queries';

/** The engine's persistence for the workbench: saved queries and run history. */
export interface Store {
  readonly target: DatabaseTarget;
  readonly savedQueries: SavedQueries;
  readonly runHistory: RunHistory;
  close(): Promise<void>;
}

export async function openStore(options: { databaseUrl?: string; dataDir: string }): Promise<Store> {
  const target = databaseTarget(options.databaseUrl, options.dataDir);
  const db: Database = openDatabase(target);
  await migrate(db, target.provider);
  return {
    target,
    savedQueries: new SavedQueries(db),
    runHistory: new RunHistory(db),
    close: () => db.$disconnect(),
  };
}
