import type { CatalogSource, CompletionCatalog } from './completion-catalog';
import { RESERVED } from './keywords';
import type { PropertyContext } from './properties';
import type { Token } from './token';

/** A source visible in a statement, under the name the statement uses for it. */
export interface ScopeEntry {
  readonly alias: string;
  readonly source: CatalogSource;
}

const NOT_ALIAS: ReadonlySet<string> = new Set(['EMIT', 'PARTITION', 'ORDER', 'OFFSET', 'GRACE']);

function isName(t: Token | undefined): t is Token {
  return t !== undefined && (t.kind === 'quoted' || (t.kind === 'word' && !RESERVED.has(t.value)));
}

function findSource(catalog: CompletionCatalog, name: string): CatalogSource | undefined {
  return (
    catalog.sources.find((s) => s.name === name) ??
    catalog.sources.find((s) => s.name.toUpperCase() === name.toUpperCase())
  );
}

/**
 * Sources in scope for a statement, from a token scan rather than a parse: the statement being
 * edited is usually incomplete, and its FROM clause often comes after the cursor.
 */
export function sourcesInScope(tokens: readonly Token[], catalog: CompletionCatalog): ScopeEntry[] {
  const out: ScopeEntry[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.kind !== 'word' || (t.value !== 'FROM' && t.value !== 'JOIN')) continue;
    const nameTok = tokens[i + 1];
    if (!isName(nameTok)) continue;
    const source = findSource(catalog, nameTok.value);
    if (source === undefined) continue;
    let aliasTok = tokens[i + 2];
    if (aliasTok?.kind === 'word' && aliasTok.value === 'AS') aliasTok = tokens[i + 3];
    const alias = isName(aliasTok) && !NOT_ALIAS.has(aliasTok.value) ? aliasTok.value : source.name;
    out.push({ alias, source });
    if (alias !== source.name) out.push({ alias: source.name, source });
  }
  return out;
}

/** The target of `INSERT INTO x` / `ASSERT VALUES x`, for column lists. */
export function insertTarget(
  tokens: readonly Token[],
  catalog: CompletionCatalog,
): CatalogSource | undefined {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t?.kind === 'word' && (t.value === 'INTO' || t.value === 'VALUES')) {
      const n = tokens[i + 1];
      if (isName(n)) return findSource(catalog, n.value);
    }
  }
  return undefined;
}

/** Which kind of statement a WITH list belongs to, from its first words. */
export function propertyContext(tokens: readonly Token[]): PropertyContext {
  const words = tokens.filter((t) => t.kind === 'word').map((t) => t.value);
  if (words[0] === 'INSERT') return 'insert';
  if (words[0] === 'ASSERT') return 'assert-topic';
  if (words.includes('CONNECTOR')) return 'connector';
  return words.includes('AS') && words.includes('SELECT') ? 'create-as-select' : 'create-source';
}
