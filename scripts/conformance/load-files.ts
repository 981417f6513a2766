import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/paths';
import { expandFile } from './expand';
import type { QttCase } from './qtt-case';
import { readJson } from './qtt-json';
import { fileSchema } from './qtt-schema';

/**
 * Finds and reads QTT files. The files are ksqlDB's and stay in ../shared: they are read at run
 * time and never copied into this repository.
 */

/** The ksqldb-qtt folder: KAPPA_QTT_DIR (as for the SQL corpus tests), else ../shared/ksqldb-qtt. */
export function qttRoot(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return path.resolve(env.KAPPA_QTT_DIR ?? path.join(repoRoot, '..', 'shared', 'ksqldb-qtt'));
}

/** The default folder of QTT files; KAPPA_QTT_DIR may name the root or this folder itself. */
export function defaultQttDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const root = qttRoot(env);
  const nested = path.join(root, 'query-validation-tests');
  return existsSync(nested) ? nested : root;
}

/**
 * Resolves command-line paths to JSON files, sorted by name. A directory means its `*.json` files;
 * a bare name that does not exist relative to the current directory is looked up in `fallbackDir`
 * (so `npm run conformance -- joins.json` works).
 */
export function resolveFiles(args: readonly string[], fallbackDir: string): string[] {
  const targets = args.length > 0 ? args : [fallbackDir];
  const files: string[] = [];
  for (const arg of targets) {
    let p = path.resolve(arg);
    if (!existsSync(p) && existsSync(path.join(fallbackDir, arg))) p = path.join(fallbackDir, arg);
    if (!existsSync(p)) throw new Error(`no such file or directory: ${arg}`);
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) if (f.endsWith('.json')) files.push(path.join(p, f));
    } else files.push(p);
  }
  return files;
}

export type LoadedFile =
  | { readonly ok: true; readonly path: string; readonly file: string; readonly cases: QttCase[] }
  | { readonly ok: false; readonly path: string; readonly file: string; readonly error: string };

/** Reads, validates and expands one file; a malformed file is reported, not thrown. */
export function loadFile(filePath: string): LoadedFile {
  const file = path.basename(filePath);
  try {
    return { ok: true, path: filePath, file, cases: parseQttFile(file, readFileSync(filePath, 'utf8')) };
  } catch (e) {
    return { ok: false, path: filePath, file, error: e instanceof Error ? e.message : String(e) };
  }
}

export function parseQttFile(file: string, text: string): QttCase[] {
  const parsed = fileSchema.safeParse(readJson(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a QTT file: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  return expandFile(file, parsed.data.tests);
}
