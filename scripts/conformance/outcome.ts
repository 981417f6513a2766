/**
 * The verdict on one case. `category` groups failures for the "most common causes" summary: a
 * coarse kind, plus for rejected statements the error message with names and numbers blanked out.
 */
export type CaseOutcome =
  | { readonly status: 'passed' }
  | {
      readonly status: 'failed';
      readonly kind: FailureKind;
      readonly category: string;
      readonly reason: string;
    }
  | { readonly status: 'skipped'; readonly reason: string };

export const FAILURE_KINDS = [
  'statement rejected',
  'wrong output',
  'expected error not raised',
  'wrong error message',
  'post-condition',
  'processing error',
  'timeout',
  'runner error',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export const PASSED: CaseOutcome = { status: 'passed' };

export function failed(kind: FailureKind, reason: string, detail?: string): CaseOutcome {
  return { status: 'failed', kind, category: detail === undefined ? kind : `${kind}: ${detail}`, reason };
}

export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return typeof e === 'string' ? e : (JSON.stringify(e) ?? String(e));
}

/**
 * The message plus its hidden cause: the engine hides unexpected errors behind a neutral message
 * (as the API must), but the runner's reader is the engine team. Only for display — matching an
 * expected error uses `messageOf`, as a client would see it.
 */
export function describeError(e: unknown): string {
  const message = messageOf(e);
  if (!(e instanceof Error) || !(e.cause instanceof Error) || e.cause.message === message) return message;
  return `${message} (cause: ${e.cause.name}: ${e.cause.message})`;
}

/**
 * An error message as a category: quoted names and numbers blanked, first line only, so
 * "Column 'X' cannot be resolved" and "Column 'Y' cannot be resolved" count as one cause.
 */
export function messageCategory(message: string): string {
  return (message.split('\n')[0] ?? '')
    .replace(/`[^`]*`|(?<![A-Za-z])'[^']*'|"[^"]*"/g, '…')
    .replace(/\b\d+(\.\d+)?\b/g, 'N')
    .slice(0, 110)
    .trim();
}
