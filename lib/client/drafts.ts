import { z } from 'zod';

/**
 * The editor tabs kept across reloads in localStorage. What is read back is validated: a value
 * from an older version or edited by hand falls back to a fresh tab instead of breaking the page.
 */
export const DRAFTS_STORAGE_KEY = 'kappa.drafts.v1';

export const ChartOverrideSchema = z.object({
  type: z.enum(['line', 'bar', 'number', 'none']).optional(),
  x: z.string().nullable().optional(),
  y: z.array(z.string()).readonly().optional(),
  series: z.string().nullable().optional(),
});

export const DraftTabSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().max(200),
  sql: z.string().max(1_000_000),
  /** Where push queries start reading: the explicit choice the toolbar shows. */
  from: z.enum(['beginning', 'now']).default('beginning'),
  properties: z.record(z.string(), z.string()).default({}),
  chart: ChartOverrideSchema.optional(),
  /** The saved query this tab was opened from (saving again overwrites it). */
  savedQueryId: z.string().optional(),
});
export type DraftTab = z.infer<typeof DraftTabSchema>;

export const DraftsSchema = z.object({
  version: z.literal(1),
  tabs: z.array(DraftTabSchema).min(1).max(50),
  activeId: z.string(),
});
export type Drafts = z.infer<typeof DraftsSchema>;

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const STARTER_SQL = `-- Ask your Kafka streams a question. Ctrl/Cmd+Enter runs the statement at the cursor.
SHOW STREAMS;
`;

export function newTab(id: string, title: string, sql = ''): DraftTab {
  return { id, title, sql, from: 'beginning', properties: {} };
}

export function defaultDrafts(): Drafts {
  return { version: 1, tabs: [newTab('tab-1', 'query 1', STARTER_SQL)], activeId: 'tab-1' };
}

export function loadDrafts(storage: KeyValueStorage): Drafts {
  let raw: unknown;
  try {
    const text = storage.getItem(DRAFTS_STORAGE_KEY);
    if (text === null) return defaultDrafts();
    raw = JSON.parse(text);
  } catch {
    return defaultDrafts();
  }
  const parsed = DraftsSchema.safeParse(raw);
  if (!parsed.success) return defaultDrafts();
  const drafts = parsed.data;
  return drafts.tabs.some((t) => t.id === drafts.activeId)
    ? drafts
    : { ...drafts, activeId: drafts.tabs[0]?.id ?? 'tab-1' };
}

/** Saves the drafts; a full or unavailable storage loses the drafts, not the page. */
export function saveDrafts(storage: KeyValueStorage, drafts: Drafts): boolean {
  try {
    storage.setItem(DRAFTS_STORAGE_KEY, JSON.stringify(drafts));
    return true;
  } catch {
    return false;
  }
}

/** A tab title from the SQL: the first statement's leading words. */
export function titleFromSql(sql: string, fallback: string): string {
  const text = sql
    .replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return fallback;
  return text.length > 28 ? `${text.slice(0, 27)}…` : text.replace(/;$/, '');
}
