import type { Span } from '../../lib/contracts/span';
import {
  isAggregate,
  isResolutionError,
  isTableFunction,
  resolveScalar,
  type ArgShape,
} from '../exec/functions';
import type { Expression, FunctionCall, LambdaExpr } from '../sql/ast';
import { canCast } from '../types/cast';
import { canCompare } from '../types/coercion';
import { BIGINT, BOOLEAN, STRING, formatType, isNumeric, type SqlType } from '../types/sql-type';
import { bindError } from './bind-error';
import type { BoundExpr } from './bound-expr';
import { coerceTo } from './coerce';
import {
  arithmetic,
  coerceOrCast,
  caseOf,
  comparable,
  dereference,
  requireBoolean,
  subscript,
  unify,
} from './typed-operations';
import { coerceUserList, ListCoercionError } from './user-list-coercion';
import { literalValue } from './literals';
import { COMPARISON_NAMES, ksqlText } from './ksql-text';
import { isTimePseudoColumn, parsePartialTimestamp } from './partial-timestamp';
import type { Scope } from './scope';
import { resolveTypeNode, type TypeResolver } from './types';

/** Everything an expression may refer to besides literals. */
export interface ExpressionContext {
  readonly scope: Scope;
  readonly types: TypeResolver;
  /**
   * Called for an aggregate call or a grouped expression before normal binding; returns the bound
   * replacement (a column of the aggregation's output) or undefined to bind normally.
   */
  readonly substitute?: (e: Expression) => BoundExpr | undefined;
}

type LambdaEnv = ReadonlyMap<string, SqlType>;

export function bindExpression(e: Expression, ctx: ExpressionContext): BoundExpr {
  return new ExpressionBinder(ctx).bind(e, new Map());
}

class ExpressionBinder {
  constructor(private readonly ctx: ExpressionContext) {}

  /**
   * An operand compared with `other`: a string compared with ROWTIME, WINDOWSTART or WINDOWEND is
   * a (partial) datetime and becomes its epoch milliseconds, as in ksqlDB.
   */
  private bindTimeOperand(e: Expression, other: Expression, env: LambdaEnv): BoundExpr {
    if (e.kind !== 'StringLiteral' || !isTimePseudoColumn(other)) return this.bind(e, env);
    try {
      return { kind: 'Literal', value: parsePartialTimestamp(e.value), type: BIGINT, span: e.span };
    } catch (error) {
      throw bindError(error instanceof Error ? error.message : String(error), e.span);
    }
  }

  bind(e: Expression, env: LambdaEnv): BoundExpr {
    const substituted = this.ctx.substitute?.(e);
    if (substituted) return substituted;
    switch (e.kind) {
      case 'NullLiteral':
      case 'BooleanLiteral':
      case 'IntegerLiteral':
      case 'BigIntLiteral':
      case 'DecimalLiteral':
      case 'DoubleLiteral':
      case 'StringLiteral': {
        const { value, type } = literalValue(e);
        return { kind: 'Literal', value, type, span: e.span };
      }
      case 'ColumnRef': {
        if (!e.source && env.has(e.name.name)) {
          return { kind: 'LambdaVar', name: e.name.name, type: env.get(e.name.name)!, span: e.span };
        }
        const c = this.ctx.scope.resolve(e);
        return { kind: 'Column', index: c.index, name: c.name, type: c.type, span: e.span };
      }
      case 'LambdaVariable': {
        const type = env.get(e.name.name);
        if (!type) throw bindError(`Unknown lambda variable '${e.name.name}'`, e.span);
        return { kind: 'LambdaVar', name: e.name.name, type, span: e.span };
      }
      case 'Dereference':
        return dereference(this.bind(e.base, env), e.field.name, e.span);
      case 'Subscript':
        return subscript(this.bind(e.base, env), this.bind(e.index, env), e.span);
      case 'Unary': {
        const operand = this.bind(e.operand, env);
        if (operand.type !== null && !isNumeric(operand.type)) {
          throw bindError(`Unary ${e.op} is not supported for ${formatType(operand.type)}`, e.span);
        }
        if (e.op === '+') return operand;
        return { kind: 'Negate', operand, type: operand.type ?? { kind: 'INTEGER' }, span: e.span };
      }
      case 'Arithmetic':
        return arithmetic(e.op, this.bind(e.left, env), this.bind(e.right, env), e.span, ksqlText(e));
      case 'Concat': {
        const left = this.bind(e.left, env);
        const right = this.bind(e.right, env);
        for (const side of [left, right]) {
          if (side.type !== null && side.type.kind !== 'STRING') {
            throw bindError(
              `Unsupported argument type for ||: ${formatType(side.type)}`,
              side.span ?? e.span,
            );
          }
        }
        return { kind: 'Concat', left, right, type: STRING, span: e.span };
      }
      case 'Comparison': {
        if (e.left.kind === 'NullLiteral' && e.right.kind === 'NullLiteral') {
          throw bindError(`Comparison with NULL not supported: NULL ${e.op} NULL`, e.span);
        }
        const [left, right] = comparable(
          this.bindTimeOperand(e.left, e.right, env),
          this.bindTimeOperand(e.right, e.left, env),
          e.op !== '=' && e.op !== '<>',
          e.span,
          { left: ksqlText(e.left), right: ksqlText(e.right), op: COMPARISON_NAMES[e.op] },
        );
        return { kind: 'Compare', op: e.op, left, right, type: BOOLEAN, span: e.span };
      }
      case 'Logical':
        return {
          kind: 'Logical',
          op: e.op,
          left: requireBoolean(this.bind(e.left, env), e.op),
          right: requireBoolean(this.bind(e.right, env), e.op),
          type: BOOLEAN,
          span: e.span,
        };
      case 'Not':
        return {
          kind: 'Not',
          operand: requireBoolean(this.bind(e.operand, env), 'NOT'),
          type: BOOLEAN,
          span: e.span,
        };
      case 'IsNull':
        return {
          kind: 'IsNull',
          value: this.bind(e.value, env),
          negated: e.negated,
          type: BOOLEAN,
          span: e.span,
        };
      case 'IsDistinctFrom': {
        const [left, right] = comparable(this.bind(e.left, env), this.bind(e.right, env), false, e.span);
        return { kind: 'IsDistinct', left, right, negated: e.negated, type: BOOLEAN, span: e.span };
      }
      case 'Between': {
        // BETWEEN is `value >= low AND value <= high`: each bound must compare with the value.
        const operand = this.bindTimeOperand(e.value, e.value, env);
        for (const [bound, op] of [
          [e.low, 'GREATER_THAN_OR_EQUAL'],
          [e.high, 'LESS_THAN_OR_EQUAL'],
        ] as const) {
          comparable(operand, this.bindTimeOperand(bound, e.value, env), true, e.span, {
            left: ksqlText(e.value),
            right: ksqlText(bound),
            op,
          });
        }
        const parts = unify(
          [e.value, e.low, e.high].map((x) => this.bindTimeOperand(x, e.value, env)),
          e.span,
          'BETWEEN',
        );
        const [value, low, high] = parts as [BoundExpr, BoundExpr, BoundExpr];
        if (value.type && !canCompare(value.type, value.type, false)) {
          throw bindError(`BETWEEN is not supported for ${formatType(value.type)}`, e.span);
        }
        return { kind: 'Between', value, low, high, negated: e.negated, type: BOOLEAN, span: e.span };
      }
      case 'InList': {
        // The value and the items share one type, resolved left to right like ksqlDB's IN.
        const sources = [e.value, ...e.list];
        const items = sources.map((source) => ({ bound: this.bind(source, env), source }));
        let exprs: BoundExpr[];
        try {
          exprs = coerceUserList(items).exprs;
        } catch (error) {
          if (!(error instanceof ListCoercionError)) throw error;
          throw bindError(`Invalid Predicate: ${error.message}`, e.span);
        }
        const [value, ...list] = exprs as [BoundExpr, ...BoundExpr[]];
        return { kind: 'In', value, list, negated: e.negated, type: BOOLEAN, span: e.span };
      }
      case 'Like': {
        const value = this.bind(e.value, env);
        const pattern = this.bind(e.pattern, env);
        for (const [side, what] of [
          [value, 'column'],
          [pattern, 'pattern'],
        ] as const) {
          if (side.type !== null && side.type.kind !== 'STRING') {
            throw bindError(
              `The ${what} type for Like condition must be VARCHAR. The ${what} type is ${formatType(side.type)}`,
              side.span ?? e.span,
            );
          }
        }
        const escape = e.escape?.value;
        if (escape !== undefined && escape.length !== 1) {
          throw bindError(`The ESCAPE clause takes exactly one character, got '${escape}'`, e.escape?.span);
        }
        return {
          kind: 'Like',
          value,
          pattern,
          ...(escape !== undefined ? { escape } : {}),
          negated: e.negated,
          type: BOOLEAN,
          span: e.span,
        };
      }
      case 'SearchedCase': {
        const conditions = e.whens.map((w) => requireBoolean(this.bind(w.condition, env), 'WHEN'));
        return caseOf(
          conditions,
          e.whens.map((w) => this.bind(w.result, env)),
          e.else && this.bind(e.else, env),
          e.span,
        );
      }
      case 'SimpleCase': {
        const operand = this.bind(e.operand, env);
        const conditions = e.whens.map((w) => {
          const [left, right] = comparable(operand, this.bind(w.condition, env), false, w.span);
          return { kind: 'Compare', op: '=', left, right, type: BOOLEAN, span: w.span } satisfies BoundExpr;
        });
        return caseOf(
          conditions,
          e.whens.map((w) => this.bind(w.result, env)),
          e.else && this.bind(e.else, env),
          e.span,
        );
      }
      case 'Cast': {
        const value = this.bind(e.value, env);
        const to = resolveTypeNode(e.type, this.ctx.types);
        if (value.type === null) return { kind: 'Literal', value: null, type: to, span: e.span };
        if (!canCast(value.type, to)) {
          throw bindError(`Cast of ${formatType(value.type)} to ${formatType(to)} is not supported`, e.span);
        }
        return coerceOrCast(value, to, e.span);
      }
      case 'FunctionCall':
        return this.call(e, env);
      case 'ArrayConstructor': {
        if (e.elements.length === 0) {
          throw bindError(
            'Array constructor cannot be empty. Please supply at least one element (see https://github.com/confluentinc/ksql/issues/4239).',
            e.span,
          );
        }
        const { type: element, exprs: elements } = this.userList(e.elements, env, e.span);
        if (!element) {
          throw bindError(
            'Cannot construct an array with all NULL elements (see https://github.com/confluentinc/ksql/issues/4239). As a workaround, you may cast a NULL value to the desired type.',
            e.span,
          );
        }
        return { kind: 'Array', elements, type: { kind: 'ARRAY', element }, span: e.span };
      }
      case 'MapConstructor': {
        if (e.entries.length === 0) {
          throw bindError(
            'Map constructor cannot be empty. Please supply at least one key value pair (see https://github.com/confluentinc/ksql/issues/4239).',
            e.span,
          );
        }
        const { type: key, exprs: keys } = this.userList(
          e.entries.map((x) => x.key),
          env,
          e.span,
        );
        const { type: value, exprs: values } = this.userList(
          e.entries.map((x) => x.value),
          env,
          e.span,
        );
        if (!key) throw bindError('Cannot construct a map with all NULL keys', e.span);
        if (!value) throw bindError('Cannot construct a map with all NULL values', e.span);
        return {
          kind: 'Map',
          entries: keys.map((k, i) => ({ key: k, value: values[i]! })),
          type: { kind: 'MAP', key, value },
          span: e.span,
        };
      }
      case 'StructConstructor': {
        const names = e.fields.map((f) => f.name.name);
        if (new Set(names).size !== names.length) {
          throw bindError('Duplicate field names found in STRUCT', e.span);
        }
        const fields = e.fields.map((f) => ({ name: f.name.name, value: this.bind(f.value, env) }));
        return {
          kind: 'Struct',
          fields,
          type: {
            kind: 'STRUCT',
            fields: fields.map((f) => ({ name: f.name, type: f.value.type ?? STRING })),
          },
          span: e.span,
        };
      }
      case 'Lambda':
        throw bindError('Lambda expressions are only allowed as function arguments', e.span);
      case 'IntervalUnit':
        return { kind: 'Literal', value: e.unit, type: STRING, span: e.span };
    }
  }

  /** Items bound and converted to their common type as ksqlDB's constructors do. */
  private userList(
    sources: readonly Expression[],
    env: LambdaEnv,
    span: Span,
  ): { type: SqlType | null; exprs: BoundExpr[] } {
    const items = sources.map((source) => ({ bound: this.bind(source, env), source }));
    try {
      return coerceUserList(items);
    } catch (error) {
      if (!(error instanceof ListCoercionError)) throw error;
      throw bindError(error.message, span);
    }
  }

  private call(e: FunctionCall, env: LambdaEnv): BoundExpr {
    const name = e.name.name;
    if (isAggregate(name)) {
      throw bindError(`Aggregate function ${name} is not allowed here`, e.span);
    }
    if (isTableFunction(name)) {
      throw bindError(`Table function ${name} is only allowed in the SELECT clause`, e.span);
    }
    // `f(*)` passes no arguments to any function but COUNT, as in ksqlDB.
    type Arg = { readonly lambda: LambdaExpr } | { readonly value: BoundExpr };
    const bound: Arg[] = e.args.map((a) =>
      a.kind === 'Lambda' ? { lambda: a } : { value: this.bind(a, env) },
    );
    const shapes: ArgShape[] = bound.map((a) =>
      'lambda' in a
        ? {
            kind: 'lambda',
            arity: a.lambda.params.length,
            bodyType: (paramTypes) => this.lambdaBody(a.lambda, paramTypes, env).type ?? STRING,
          }
        : { kind: 'value', type: a.value.type },
    );
    const resolved = resolveScalar(e.name.text.replace(/`/g, ''), shapes);
    if (isResolutionError(resolved)) throw bindError(resolved.message, e.span);
    const args = bound.map((a, i): BoundExpr => {
      const target = resolved.paramTypes[i];
      if ('lambda' in a) {
        const paramTypes = resolved.lambdaParamTypes[i] ?? [];
        const body = this.lambdaBody(a.lambda, paramTypes, env);
        return {
          kind: 'Lambda',
          params: a.lambda.params.map((p) => p.name),
          body: target ? coerceTo(body, target) : body,
          type: null,
          span: a.lambda.span,
        };
      }
      return target ? coerceOrCast(a.value, target, a.value.span) : a.value;
    });
    return { kind: 'Call', fn: resolved, args, type: resolved.returnType, span: e.span };
  }

  private lambdaBody(lambda: LambdaExpr, paramTypes: readonly SqlType[], env: LambdaEnv): BoundExpr {
    if (paramTypes.length !== lambda.params.length) {
      throw bindError(
        `Lambda expects ${paramTypes.length} parameter(s), got ${lambda.params.length}`,
        lambda.span,
      );
    }
    const inner = new Map(env);
    lambda.params.forEach((p, i) => inner.set(p.name, paramTypes[i]!));
    return this.bind(lambda.body, inner);
  }
}
