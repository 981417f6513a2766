import type { CompletionItem } from '../../lib/contracts/diagnostics';
import type { CompletionCatalog } from './completion-catalog';
import { insertTarget, propertyContext, sourcesInScope, type ScopeEntry } from './completion-scope';
import { formatIdentifier } from './format-identifier';
import { lex } from './lexer';
import { parseStatementBody } from './parse-statement';
import { EXPRESSION_KEYWORDS } from './parse-primary';
import { BUILTIN_TYPE_NAMES } from './parse-type';
import { ParseAbort, Parser } from './parser';
import { propertyInfo, WITH_PROPERTIES } from './properties';
import type { Token } from './token';

const ORDER = {
  column: 1,
  value: 1,
  property: 1,
  source: 2,
  type: 2,
  function: 3,
  keyword: 5,
  variable: 4,
} as const;
/** Keywords always followed by the same word; offered as the pair. */
const PAIRS: Record<string, string> = {
  GROUP: 'GROUP BY',
  PARTITION: 'PARTITION BY',
  ORDER: 'ORDER BY',
  ADVANCE: 'ADVANCE BY',
  GRACE: 'GRACE PERIOD',
};

/**
 * What may come at `offset` in `text`: keywords the grammar accepts there (the parser's own
 * expectation set, found by parsing the statement up to the cursor), and names from the catalog
 * that fit the position. Items are filtered by the partial word before the cursor.
 */
export function complete(text: string, offset: number, catalog: CompletionCatalog): CompletionItem[] {
  const at = Math.max(0, Math.min(offset, text.length));
  const comments: [number, number][] = [];
  const all = lex(text, { onComment: (s, e) => comments.push([s, e]) });
  if (comments.some(([s, e]) => s < at && (at < e || (at === e && text[e] !== '\n')))) return [];
  const stmt = statementAt(all, at);
  const before = stmt.filter((t) => t.start < at);
  let prefixTok: Token | undefined = before[before.length - 1];
  if (prefixTok !== undefined && !(prefixTok.end >= at && isPartial(prefixTok))) prefixTok = undefined;
  const prefix = prefixTok ? text.slice(prefixTok.start, at) : '';
  const head = prefixTok ? before.slice(0, -1) : before;
  const items = candidates(head, stmt, at, catalog);
  return filterByPrefix(items, prefix);
}

function isPartial(t: Token): boolean {
  return t.kind === 'word' || t.kind === 'quoted' || t.kind === 'string' || t.kind === 'error';
}

/** Tokens of the statement holding `at` (between the `;` before it and the `;` after it). */
function statementAt(tokens: readonly Token[], at: number): Token[] {
  let start = 0;
  let end = tokens.length;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || t.kind === 'eof') {
      end = i;
      break;
    }
    if (t.kind === 'punct' && t.value === ';') {
      if (t.end <= at) start = i + 1;
      else {
        end = i;
        break;
      }
    }
  }
  return tokens.slice(start, end);
}

function candidates(head: Token[], stmt: Token[], at: number, catalog: CompletionCatalog): CompletionItem[] {
  const scope = sourcesInScope(stmt, catalog);
  const n = head.length;
  const last = head[n - 1];
  const beforeLast = head[n - 2];
  // `alias.` → that source's columns only.
  if (
    last?.kind === 'punct' &&
    last.value === '.' &&
    beforeLast &&
    (beforeLast.kind === 'word' || beforeLast.kind === 'quoted')
  ) {
    return columnItems(scope.filter((s) => s.alias === beforeLast.value));
  }
  const labels = expectedAt(head, at);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (item: CompletionItem): void => {
    const key = `${item.kind}:${item.label}`;
    if (!seen.has(key)) {
      seen.add(key);
      items.push(item);
    }
  };
  const typeExpected = labels.includes('<type>');
  for (const label of labels) {
    if (label.startsWith("'")) continue;
    if (!label.startsWith('<')) {
      if (typeExpected && BUILTIN_TYPE_NAMES.includes(label)) continue;
      add({ label: PAIRS[label] ?? label, kind: 'keyword', sortOrder: ORDER.keyword });
      continue;
    }
    switch (label) {
      case '<expression>':
        columnItems(scope).forEach(add);
        functionItems(catalog).forEach(add);
        for (const k of EXPRESSION_KEYWORDS) add({ label: k, kind: 'keyword', sortOrder: ORDER.keyword });
        variableItems(catalog).forEach(add);
        break;
      case '<column>': {
        const target = insertTarget(stmt, catalog);
        if (target) columnItems([{ alias: target.name, source: target }]).forEach(add);
        else columnItems(scope).forEach(add);
        break;
      }
      case '<source>':
      case '<stream>':
      case '<table>':
        for (const s of catalog.sources) {
          if (label === '<stream>' && s.kind !== 'STREAM') continue;
          if (label === '<table>' && s.kind !== 'TABLE') continue;
          add({
            label: s.name,
            kind: s.kind === 'STREAM' ? 'stream' : 'table',
            insertText: formatIdentifier(s.name),
            detail: s.kind,
            sortOrder: ORDER.source,
          });
        }
        break;
      case '<type>':
        for (const t of BUILTIN_TYPE_NAMES) add({ label: t, kind: 'type', sortOrder: ORDER.type });
        for (const t of catalog.types)
          add({ label: t, kind: 'type', insertText: formatIdentifier(t), sortOrder: ORDER.type });
        break;
      case '<property>': {
        const ctx = propertyContext(stmt);
        for (const p of WITH_PROPERTIES) {
          if (!p.statements.includes(ctx)) continue;
          const detail = p.values ? p.values.join(', ') : p.valueKind;
          add({
            label: p.name,
            kind: 'property',
            detail,
            documentation: p.description,
            sortOrder: ORDER.property,
          });
        }
        break;
      }
      case '<literal>':
      case '<string>':
        valueItems(head, catalog).forEach(add);
        break;
      case '<function>':
        functionItems(catalog).forEach(add);
        break;
      case '<query>':
        for (const q of catalog.queries ?? []) add({ label: q, kind: 'value', sortOrder: ORDER.value });
        break;
      case '<variable>':
        for (const v of Object.keys(catalog.variables ?? {}))
          add({ label: v, kind: 'variable', sortOrder: ORDER.variable });
        break;
      default:
        break;
    }
  }
  return items;
}

/** Runs the parser over the tokens before the cursor and returns what it expected at the cursor. */
function expectedAt(head: Token[], at: number): string[] {
  const last = head[head.length - 1];
  const line = last?.endLine ?? 1;
  const column = last?.endColumn ?? 1;
  const eof: Token = {
    kind: 'eof',
    value: '',
    start: at,
    end: at,
    line,
    column,
    endLine: line,
    endColumn: column,
  };
  const p = new Parser([...head, eof], '', undefined, true);
  try {
    parseStatementBody(p);
    p.acceptPunct(';');
  } catch (e) {
    if (!(e instanceof ParseAbort)) return [];
  }
  const { index, labels } = p.expectations();
  return index === head.length ? [...labels] : [];
}

function columnItems(scope: readonly ScopeEntry[]): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const { source } of scope) {
    if (seen.has(source.name)) continue;
    seen.add(source.name);
    for (const c of source.columns) {
      items.push({
        label: c.name,
        kind: 'column',
        insertText: formatIdentifier(c.name),
        detail: `${c.type}${c.key ? ' KEY' : ''} · ${source.name}`,
        sortOrder: ORDER.column,
      });
    }
  }
  return items;
}

function functionItems(catalog: CompletionCatalog): CompletionItem[] {
  return catalog.functions.map((f) => ({
    label: f.name,
    kind: 'function' as const,
    detail: f.signatures.join('\n'),
    ...(f.description ? { documentation: f.description } : {}),
    sortOrder: ORDER.function,
  }));
}

function variableItems(catalog: CompletionCatalog): CompletionItem[] {
  return Object.keys(catalog.variables ?? {}).map((v) => ({
    label: `\${${v}}`,
    kind: 'variable' as const,
    sortOrder: ORDER.variable,
  }));
}

/** Values for `NAME =` inside WITH (...), or topics after PRINT. */
function valueItems(head: readonly Token[], catalog: CompletionCatalog): CompletionItem[] {
  const n = head.length;
  const eq = head[n - 1];
  const name = head[n - 2];
  if (eq?.kind === 'punct' && eq.value === '=' && name && (name.kind === 'word' || name.kind === 'string')) {
    const info = propertyInfo(name.value);
    return (info?.values ?? []).map((v) => ({
      label: v,
      kind: 'value' as const,
      detail: info?.name,
      sortOrder: ORDER.value,
    }));
  }
  const first = head[0];
  if (first?.kind === 'word' && first.value === 'PRINT' && n === 1) {
    return (catalog.topics ?? []).map((t) => ({
      label: `'${t.replaceAll("'", "''")}'`,
      kind: 'value' as const,
      sortOrder: ORDER.value,
    }));
  }
  return [];
}

function filterByPrefix(items: CompletionItem[], prefix: string): CompletionItem[] {
  if (prefix === '') return items;
  const p = prefix.toUpperCase();
  const bare = p.replace(/^[`'"]/, '');
  return items.filter((i) => {
    const label = i.label.toUpperCase();
    const insert = (i.insertText ?? i.label).toUpperCase();
    return label.startsWith(p) || insert.startsWith(p) || label.replace(/^'/, '').startsWith(bare);
  });
}
