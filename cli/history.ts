import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAX_ENTRIES = 1000;

/**
 * The statement history in ~/.kappa_history (KAPPA_HISTORY_FILE overrides it), one typed line per
 * file line, oldest first; kept to the last 1000 lines.
 */
export class History {
  readonly file: string;
  private entries: string[];

  constructor(file = process.env.KAPPA_HISTORY_FILE ?? path.join(os.homedir(), '.kappa_history')) {
    this.file = file;
    try {
      this.entries = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim().length > 0)
        .slice(-MAX_ENTRIES);
    } catch {
      this.entries = [];
    }
  }

  /** Oldest first. */
  list(): readonly string[] {
    return this.entries;
  }

  /** Newest first, as node:readline takes it. */
  forReadline(): string[] {
    return [...this.entries].reverse();
  }

  add(line: string): void {
    const text = line.replace(/\s+$/, '');
    if (text.trim().length === 0 || this.entries.at(-1) === text) return;
    this.entries.push(text);
    try {
      if (this.entries.length > MAX_ENTRIES * 1.5) {
        this.entries = this.entries.slice(-MAX_ENTRIES);
        writeFileSync(this.file, `${this.entries.join('\n')}\n`, { mode: 0o600 });
      } else {
        appendFileSync(this.file, `${text}\n`, { mode: 0o600 });
      }
    } catch {
      // history is a convenience: an unwritable home directory must not break the session
    }
  }
}
