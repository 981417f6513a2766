import type { Database } from './database';

export interface SavedQueryRecord {
  readonly id: string;
  readonly name: string;
  readonly sql: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly createdAt: number;
  readonly updatedAt: number;
}

function toRecord(row: {
  id: string;
  name: string;
  sql: string;
  settings: string;
  createdAt: Date;
  updatedAt: Date;
}): SavedQueryRecord {
  let settings: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.settings);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      settings = parsed as Record<string, unknown>;
  } catch {
    // A settings value we cannot read is treated as empty rather than hiding the query.
  }
  return {
    id: row.id,
    name: row.name,
    sql: row.sql,
    settings,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
  };
}

/** Saved queries of the workbench. */
export class SavedQueries {
  constructor(private readonly db: Database) {}

  async list(search?: string): Promise<SavedQueryRecord[]> {
    const rows = await this.db.savedQuery.findMany({
      where: search ? { OR: [{ name: { contains: search } }, { sql: { contains: search } }] } : undefined,
      orderBy: { updatedAt: 'desc' },
      take: 500,
    });
    return rows.map(toRecord);
  }

  async save(input: {
    id?: string;
    name: string;
    sql: string;
    settings?: Record<string, unknown>;
  }): Promise<SavedQueryRecord> {
    const data = { name: input.name, sql: input.sql, settings: JSON.stringify(input.settings ?? {}) };
    const row = input.id
      ? await this.db.savedQuery.update({ where: { id: input.id }, data })
      : await this.db.savedQuery.create({ data });
    return toRecord(row);
  }

  async rename(id: string, name: string): Promise<SavedQueryRecord> {
    return toRecord(await this.db.savedQuery.update({ where: { id }, data: { name } }));
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db.savedQuery.deleteMany({ where: { id } });
    return result.count > 0;
  }
}
