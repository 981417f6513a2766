/**
 * Overload resolution shared by scalar, aggregate and table functions.
 *
 * Like ksqlDB's UdfIndex: first look for variants that accept the arguments as they are; if none,
 * allow implicit widening (numbers, element types, STRING to a date/time type). Among several
 * candidates, non-variadic and then longer signatures win (ksqlDB's order); in the widening pass the
 * cheapest conversion wins before that, where ksqlDB reports an ambiguity instead (see README).
 */
import { canImplicitlyCast, isTemporal, widerType } from '../../types/coercion';
import { formatType, typeEquals, type SqlType } from '../../types/sql-type';
import type { TypeContext } from './define';
import { collectVars, formatPattern, substitute, type ParamPattern, type TypePattern } from './signature';
import type { ArgShape, ResolutionError } from './types';

export interface CompiledVariant {
  readonly params: readonly ParamPattern[];
  readonly variadic: boolean;
  readonly returns: TypePattern | ((ctx: TypeContext) => SqlType);
  readonly where?: (ctx: TypeContext) => boolean;
  readonly order: number;
}

export interface Match<V extends CompiledVariant> {
  readonly variant: V;
  readonly ctx: TypeContext;
  readonly returnType: SqlType;
  readonly lambdaParamTypes: readonly (readonly SqlType[] | undefined)[];
  readonly cost: number;
}

const RANK: Partial<Record<SqlType['kind'], number>> = { INTEGER: 1, BIGINT: 2, DECIMAL: 3, DOUBLE: 4 };

function castCost(from: SqlType, to: SqlType): number | undefined {
  const a = RANK[from.kind];
  const b = RANK[to.kind];
  if (a !== undefined && b !== undefined) return a < b ? b - a : a === b ? 0 : undefined;
  if (from.kind === 'STRING' && isTemporal(to)) return 1;
  return canImplicitlyCast(from, to) ? 1 : undefined;
}

class Unifier {
  cost = 0;
  readonly bindings = new Map<string, SqlType>();
  constructor(private readonly casts: boolean) {}

  unify(p: TypePattern, t: SqlType): boolean {
    switch (p.p) {
      case 'prim': {
        if (t.kind === p.type.kind) return true;
        if (!this.casts) return false;
        const c = castCost(t, p.type);
        if (c === undefined) return false;
        this.cost += c;
        return true;
      }
      case 'decimal':
        if (t.kind === 'DECIMAL') return true;
        if (this.casts && (t.kind === 'INTEGER' || t.kind === 'BIGINT')) {
          this.cost += t.kind === 'INTEGER' ? 2 : 1;
          return true;
        }
        return false;
      case 'struct':
        return t.kind === 'STRUCT';
      case 'var': {
        const bound = this.bindings.get(p.name);
        if (!bound) {
          this.bindings.set(p.name, t);
          return true;
        }
        if (typeEquals(bound, t)) return true;
        if (!this.casts) return false;
        if (isTemporal(bound) && t.kind === 'STRING') {
          this.cost += 1;
          return true;
        }
        if (bound.kind === 'STRING' && isTemporal(t)) {
          this.bindings.set(p.name, t);
          this.cost += 1;
          return true;
        }
        const w = widerType(bound, t);
        if (!w) return false;
        this.bindings.set(p.name, w);
        this.cost += 1;
        return true;
      }
      case 'array':
        return t.kind === 'ARRAY' && this.unify(p.element, t.element);
      case 'map':
        return t.kind === 'MAP' && this.unify(p.key, t.key) && this.unify(p.value, t.value);
      case 'lambda':
        return false;
    }
  }
}

function paramAt(v: CompiledVariant, i: number): ParamPattern | undefined {
  if (i < v.params.length - 1 || !v.variadic) return v.params[i];
  return v.params[v.params.length - 1];
}

/** The type an argument is coerced to for a non-generic position. */
function concreteParam(
  p: TypePattern,
  arg: SqlType | null,
  bindings: ReadonlyMap<string, SqlType>,
): SqlType | undefined {
  if (p.p === 'decimal') {
    if (arg?.kind === 'DECIMAL') return arg;
    if (arg?.kind === 'BIGINT') return { kind: 'DECIMAL', precision: 19, scale: 0 };
    if (arg?.kind === 'INTEGER') return { kind: 'DECIMAL', precision: 10, scale: 0 };
    return { kind: 'DECIMAL', precision: 38, scale: 0 };
  }
  if (p.p === 'struct') return arg?.kind === 'STRUCT' ? arg : { kind: 'STRUCT', fields: [] };
  return substitute(p, bindings);
}

export function tryMatch<V extends CompiledVariant>(
  v: V,
  args: readonly ArgShape[],
  casts: boolean,
): Match<V> | undefined {
  const fixed = v.variadic ? v.params.length - 1 : v.params.length;
  if (args.length < fixed || (!v.variadic && args.length !== fixed)) return undefined;
  const u = new Unifier(casts);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const p = paramAt(v, i)!;
    if (a.kind === 'lambda') {
      if (p.type.p !== 'lambda' || p.type.params.length !== a.arity) return undefined;
      continue;
    }
    if (p.type.p === 'lambda') return undefined;
    if (a.type !== null && !u.unify(p.type, a.type)) return undefined;
  }
  const lambdaParamTypes: (readonly SqlType[] | undefined)[] = args.map(() => undefined);
  const lambdaResults: (SqlType | undefined)[] = args.map(() => undefined);
  // Lambdas last: their parameter types come from the other arguments. A lambda's result may
  // widen a generic it also takes as a parameter (REDUCE's state), so retry a few times.
  for (let round = 0; round < 3; round++) {
    const before = new Map(u.bindings);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const p = paramAt(v, i)!.type;
      if (a.kind !== 'lambda' || p.p !== 'lambda') continue;
      const paramTypes = p.params.map((x) => substitute(x, u.bindings));
      if (paramTypes.some((x) => x === undefined)) return undefined;
      const resolved = paramTypes as SqlType[];
      let body: SqlType;
      try {
        body = a.bodyType(resolved);
      } catch {
        return undefined;
      }
      const resultBound = [...collectVars(p.result, new Set())].every((n) => u.bindings.has(n));
      const lu = new Unifier(true);
      for (const [k, t] of u.bindings) lu.bindings.set(k, t);
      if (!lu.unify(p.result, body)) return undefined;
      if (!resultBound || casts) for (const [k, t] of lu.bindings) u.bindings.set(k, t);
      else if (lu.cost > 0) return undefined;
      u.cost += lu.cost;
      lambdaParamTypes[i] = resolved;
      lambdaResults[i] = substitute(p.result, u.bindings) ?? body;
    }
    if ([...u.bindings].every(([k, t]) => before.has(k) && typeEquals(before.get(k)!, t))) break;
  }
  const params: SqlType[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const p = paramAt(v, i)!.type;
    const t = a.kind === 'lambda' ? lambdaResults[i] : concreteParam(p, a.type, u.bindings);
    if (!t) return undefined;
    params.push(t);
  }
  const ctx: TypeContext = {
    args: args.map((a) => (a.kind === 'value' ? a.type : null)),
    params,
    bindings: u.bindings,
  };
  if (v.where && !v.where(ctx)) return undefined;
  let returnType: SqlType | undefined;
  if (typeof v.returns === 'function') {
    try {
      returnType = v.returns(ctx);
    } catch {
      return undefined;
    }
  } else returnType = concreteParam(v.returns, null, u.bindings);
  if (!returnType) return undefined;
  return { variant: v, ctx, returnType, lambdaParamTypes, cost: u.cost };
}

function preference(a: CompiledVariant, b: CompiledVariant): number {
  if (a.variadic !== b.variadic) return a.variadic ? 1 : -1;
  if (a.params.length !== b.params.length) return b.params.length - a.params.length;
  return 0;
}

export function describeArgs(args: readonly ArgShape[]): string {
  return args
    .map((a) => (a.kind === 'lambda' ? 'LAMBDA' : a.type === null ? 'null' : formatType(a.type)))
    .join(', ');
}

export function formatVariant(name: string, v: CompiledVariant): string {
  const ps = v.params.map((p) => `${formatPattern(p.type)}${p.variadic ? '...' : ''} ${p.name}`);
  return `${name.toUpperCase()}(${ps.join(', ')})`;
}

/** Picks the variant for `args`, or explains why none fits. */
export function resolveVariants<V extends CompiledVariant>(
  name: string,
  variants: readonly V[],
  args: readonly ArgShape[],
): Match<V> | ResolutionError {
  const exact = variants.map((v) => tryMatch(v, args, false)).filter((m): m is Match<V> => m !== undefined);
  const allNull = args.length > 0 && args.every((a) => a.kind === 'value' && a.type === null);
  if (exact.length > 0) {
    if (exact.length > 1 && allNull) return ambiguous(name, args);
    exact.sort((a, b) => preference(a.variant, b.variant) || a.variant.order - b.variant.order);
    return exact[0]!;
  }
  // Only NULLs and nothing fits: the generics cannot be inferred, which ksqlDB calls ambiguous.
  if (
    allNull &&
    variants.some((v) =>
      tryMatch(
        v,
        args.map(() => ({ kind: 'value', type: { kind: 'STRING' } })),
        true,
      ),
    )
  ) {
    return ambiguous(name, args);
  }
  const widened = variants.map((v) => tryMatch(v, args, true)).filter((m): m is Match<V> => m !== undefined);
  if (widened.length === 0) {
    const alternatives = variants.map((v) => formatVariant(name, v)).join('\n');
    return {
      error: 'no-match',
      message: `Function '${name}' does not accept parameters (${describeArgs(args)}).\nValid alternatives are:\n${alternatives}`,
    };
  }
  widened.sort((a, b) => a.cost - b.cost || preference(a.variant, b.variant));
  const [first, second] = widened;
  if (second && first!.cost === second.cost && preference(first!.variant, second.variant) === 0) {
    return ambiguous(name, args);
  }
  return first!;
}

export function ambiguous(name: string, args: readonly ArgShape[]): ResolutionError {
  return {
    error: 'ambiguous',
    message: `Function '${name}' cannot be resolved due to ambiguous method parameters (${describeArgs(args)}).`,
  };
}
