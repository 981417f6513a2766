import type { CompletionItem, Diagnostic } from '../../lib/contracts/diagnostics';
import { apply } from '../catalog/apply';
import type { Catalog } from '../catalog/catalog';
import { toKappaError } from '../errors/kappa-error';
import { listFunctions } from '../exec/functions';
import { planQuery } from '../plan/query-planner';
import { complete, formatStatement, parseScript, type CatalogFunction, type CompletionCatalog } from '../sql';
import type { Statement } from '../sql/ast';
import { formatType } from '../types/sql-type';
import { prepareStatement } from './dispatch';
import type { StatementExecutor } from './engine';
import type { Session } from './session';

/**
 * Syntax and binding diagnostics of a script; nothing runs. Each statement is prepared in sandbox
 * mode against the catalog the previous statements would leave (as /ksql validates), so a CREATE
 * followed by a SELECT from it is fine. IF NOT EXISTS no-ops become warnings.
 */
export async function diagnoseScript(
  text: string,
  variables: Readonly<Record<string, string>>,
  catalog: Catalog,
  executor: StatementExecutor,
): Promise<Diagnostic[]> {
  const { statements, diagnostics } = parseScript(text, { variables: { ...variables } });
  const out: Diagnostic[] = [...diagnostics];
  let sandbox = catalog;
  let session: Session = { properties: {}, variables: { ...variables } };
  for (const stmt of statements) {
    try {
      if (stmt.kind === 'SelectStmt') {
        planQuery(stmt, { catalog: sandbox, types: (n) => sandbox.type(n), persistent: false });
        continue;
      }
      if (stmt.kind === 'PrintStmt') continue;
      const prepared = await prepareStatement(stmt, executor.context(sandbox, session, true));
      if (prepared.kind === 'command') {
        if (prepared.skip) out.push(warning(stmt, prepared.skip));
        else sandbox = apply(sandbox, prepared.command, sandbox.lastOffset + 1);
      } else if (prepared.nextSession) {
        session = prepared.nextSession;
      }
    } catch (error) {
      out.push(...errorDiagnostics(error, stmt));
    }
  }
  return out;
}

function errorDiagnostics(error: unknown, stmt: Statement): Diagnostic[] {
  const e = toKappaError(error);
  if (e.diagnostics.length > 0) return [...e.diagnostics];
  const message = e.message === 'Internal server error' && error instanceof Error ? error.message : e.message;
  return [{ severity: 'error', message, code: e.code, span: stmt.span }];
}

function warning(stmt: Statement, entity: Record<string, unknown>): Diagnostic {
  const message = typeof entity.message === 'string' ? entity.message : 'This statement has no effect.';
  return { severity: 'warning', message, span: stmt.span };
}

let functionsCache: CatalogFunction[] | undefined;

/** The functions as completion shows them: `SUBSTRING(str STRING, pos INTEGER) -> STRING`. */
function completionFunctions(): CatalogFunction[] {
  functionsCache ??= listFunctions().map((f) => ({
    name: f.name,
    description: f.description,
    kind: f.type === 'AGGREGATE' ? 'aggregate' : f.type === 'TABLE' ? 'table' : 'scalar',
    signatures: f.signatures.map(
      (s) =>
        `${f.name}(${s.arguments.map((a) => `${a.name} ${a.type}${a.isVariadic ? '...' : ''}`).join(', ')}) -> ${s.returnType}`,
    ),
  }));
  return functionsCache;
}

/** What completion may know, built from a catalog snapshot (and extras only the engine has). */
export function completionCatalog(
  catalog: Catalog,
  extra: { queries?: readonly string[]; topics?: readonly string[] } = {},
): CompletionCatalog {
  return {
    sources: catalog.sources().map((s) => ({
      name: s.name,
      kind: s.kind,
      columns: [
        ...s.schema.key.map((c) => ({ name: c.name, type: formatType(c.type), key: true })),
        ...s.schema.value.map((c) => ({ name: c.name, type: formatType(c.type) })),
      ],
    })),
    functions: completionFunctions(),
    types: [...catalog.types().keys()],
    queries: [...catalog.queries().map((q) => q.id), ...(extra.queries ?? [])],
    ...(extra.topics ? { topics: extra.topics } : {}),
  };
}

export function completeAt(text: string, offset: number, catalog: CompletionCatalog): CompletionItem[] {
  return complete(text, offset, catalog);
}

/** Canonical formatting of a whole script; null text when it does not parse (comments are lost). */
export function formatScript(text: string): { text: string | null; diagnostics: Diagnostic[] } {
  const { statements, diagnostics } = parseScript(text);
  if (diagnostics.some((d) => d.severity === 'error')) return { text: null, diagnostics: [...diagnostics] };
  return {
    text: statements.map((s) => `${formatStatement(s, { multiline: true })};`).join('\n\n'),
    diagnostics: [...diagnostics],
  };
}
