import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test/bench support only (it reads files): loads ksqlDB's QTT and RQTT cases from the shared
 * folder at run time. Nothing from those files is ever copied into this repository.
 */
export interface CorpusStatement {
  readonly file: string;
  readonly testName: string;
  readonly sql: string;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function qttDir(): string {
  return process.env.KAPPA_QTT_DIR ?? path.resolve(REPO_ROOT, '../shared/ksqldb-qtt');
}

/** Removes `//` line comments outside JSON strings (some QTT files carry them). */
export function stripLineComments(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      out += c;
      if (c === '\\') out += json[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && json[i + 1] === '/') {
      while (i < json.length && json[i] !== '\n') i++;
      out += '\n';
    } else out += c;
  }
  return out;
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...jsonFiles(full));
    else if (name.endsWith('.json')) out.push(full);
  }
  return out;
}

interface RawCase {
  readonly name?: unknown;
  readonly statements?: unknown;
  readonly expectedException?: unknown;
  readonly expectedError?: unknown;
}

/**
 * Every statement of every QTT/RQTT case that expects success, with `{FORMAT}` replaced by JSON.
 * Throws with a clear message when the folder is missing, so a test cannot pass silently.
 */
export function loadCorpus(dir = qttDir()): CorpusStatement[] {
  const roots = ['query-validation-tests', 'rest-query-validation-tests'].map((d) => path.join(dir, d));
  const missing = roots.filter((r) => !existsSync(r));
  if (missing.length > 0) {
    throw new Error(
      `ksqlDB QTT corpus not found: ${missing.join(', ')} (set KAPPA_QTT_DIR to the ksqldb-qtt folder)`,
    );
  }
  const out: CorpusStatement[] = [];
  for (const root of roots) {
    for (const file of jsonFiles(root)) {
      const parsed: unknown = JSON.parse(stripLineComments(readFileSync(file, 'utf8')));
      const tests = (parsed as { tests?: unknown }).tests;
      if (!Array.isArray(tests)) continue;
      for (const c of tests as RawCase[]) {
        if (c.expectedException !== undefined || c.expectedError !== undefined) continue;
        if (!Array.isArray(c.statements)) continue;
        for (const s of c.statements) {
          if (typeof s !== 'string') continue;
          out.push({
            file: path.relative(dir, file),
            testName: typeof c.name === 'string' ? c.name : '?',
            sql: s.replaceAll('{FORMAT}', 'JSON'),
          });
        }
      }
    }
  }
  return out;
}

/** The newer `.sql` test files (`--@test:` cases with ASSERT statements), whole-file text. */
export function loadSqlTestFiles(dir = qttDir()): { file: string; text: string }[] {
  const root = path.join(dir, 'sql-tests');
  if (!existsSync(root)) throw new Error(`ksqlDB sql-tests not found at ${root} (set KAPPA_QTT_DIR)`);
  const out: { file: string; text: string }[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.sql'))
        out.push({ file: path.relative(dir, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return out;
}
