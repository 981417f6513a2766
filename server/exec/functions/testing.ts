/** Helpers for the function tests: resolve by argument types and call. */
import type { SqlType } from '../../types/sql-type';
import { isResolutionError, resolveScalar } from './index';
import type { ArgShape, ResolvedScalar } from './types';

export function values(...types: (SqlType | null)[]): ArgShape[] {
  return types.map((type) => ({ kind: 'value', type }));
}

/** Resolves or throws with the resolution message. */
export function resolve(name: string, ...types: (SqlType | null)[]): ResolvedScalar {
  const r = resolveScalar(name, values(...types));
  if (isResolutionError(r)) throw new Error(r.message);
  return r;
}

/** Resolves `name` for the given types and calls it with the given values. */
export function call(name: string, types: readonly (SqlType | null)[], ...args: unknown[]): unknown {
  return resolve(name, ...types).invoke(...args);
}
