/**
 * Wraps an implementation with the NULL policy once, at resolution time, so the per-row call is a
 * direct function call with no allocation (fixed arities get dedicated closures; spreading is only
 * used for variadic calls).
 */
import type { Impl } from './define';

export type Invoke = (...args: unknown[]) => unknown;

/** `valueArgs[i]` is false for lambda arguments, which are never NULL-checked. */
export function wrapNulls(impl: Impl, propagate: boolean, valueArgs: readonly boolean[]): Invoke {
  const f = impl as unknown as Invoke;
  if (!propagate) return f;
  const checked = valueArgs.map((v, i) => (v ? i : -1)).filter((i) => i >= 0);
  if (checked.length === valueArgs.length) {
    switch (valueArgs.length) {
      case 0:
        return f;
      case 1:
        return (a) => (a === null || a === undefined ? null : f(a));
      case 2:
        return (a, b) => (a === null || a === undefined || b === null || b === undefined ? null : f(a, b));
      case 3:
        return (a, b, c) =>
          a === null || a === undefined || b === null || b === undefined || c === null || c === undefined
            ? null
            : f(a, b, c);
      default:
        break;
    }
  }
  return (...args) => {
    for (const i of checked) {
      const v = args[i];
      if (v === null || v === undefined) return null;
    }
    return f(...args);
  };
}
