import { randomBytes } from 'node:crypto';

/** A topic or source name no other test uses: tests share one broker. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`.toUpperCase();
}
