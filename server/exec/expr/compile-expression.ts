import type { BoundExpr } from '../../bind/bound-expr';
import { compileCast } from '../../types/cast';
import { hashKey } from '../../types/compare';
import type { DecimalShape } from '../../types/decimal';
import type { SqlType } from '../../types/sql-type';
import { helpers, likePattern } from './runtime-helpers';

/** A compiled expression: reads the input row, returns the value (may throw for this row). */
export type CompiledExpr = (row: readonly unknown[]) => unknown;

/**
 * Turns a bound expression into a JavaScript function, once per query (CONVENTIONS §10): the tree
 * is walked at compile time and the generated code only reads the row, calls functions and the
 * null-aware helpers. Constants and function implementations are passed in an array, never
 * spliced into the source text, so no user input can become code.
 */
export function compileExpression(e: BoundExpr, onCallError?: (error: unknown) => void): CompiledExpr {
  return compileExpressions([e], onCallError)[0]!;
}

/**
 * Compiles expressions. With `onCallError`, a function call that throws yields NULL for that call
 * and reports the error (ksqlDB's behaviour); without it the whole expression throws.
 */
export function compileExpressions(
  exprs: readonly BoundExpr[],
  onCallError?: (error: unknown) => void,
): CompiledExpr[] {
  return exprs.map((e) => {
    const gen = new Generator(onCallError);
    const body = gen.emit(e, new Map());
    const temps =
      gen.temps > 0 ? `let ${Array.from({ length: gen.temps }, (_, i) => `t${i}`).join(', ')};` : '';
    const source = `"use strict"; return function compiled(r) { ${temps} return ${body}; };`;
    const factory = new Function('h', 'k', source) as (h: typeof helpers, k: unknown[]) => CompiledExpr;
    return factory(helpers, gen.constants);
  });
}

type LambdaScope = ReadonlyMap<string, string>;

class Generator {
  readonly constants: unknown[] = [];
  constructor(private readonly onCallError: ((error: unknown) => void) | undefined) {}

  temps = 0;
  private lambdaCount = 0;

  private constant(value: unknown): string {
    this.constants.push(value);
    return `k[${this.constants.length - 1}]`;
  }

  private temp(): string {
    return `t${this.temps++}`;
  }

  emit(e: BoundExpr, lambdas: LambdaScope): string {
    const go = (x: BoundExpr): string => this.emit(x, lambdas);
    switch (e.kind) {
      case 'Literal':
        return this.literal(e.value);
      case 'Column':
        return `r[${e.index}]`;
      case 'LambdaVar': {
        const v = lambdas.get(e.name);
        if (!v) throw new Error(`Unbound lambda variable ${e.name}`);
        return v;
      }
      case 'Call': {
        const fn = this.onCallError
          ? helpers.guard(e.fn.invoke, this.onCallError, e.args.length)
          : e.fn.invoke;
        return `${this.constant(fn)}(${e.args.map(go).join(', ')})`;
      }
      case 'Arithmetic':
        return this.arithmetic(e.op, e.type, go(e.left), go(e.right));
      case 'Negate': {
        const fn =
          e.type.kind === 'INTEGER'
            ? 'negInt'
            : e.type.kind === 'BIGINT'
              ? 'negLong'
              : e.type.kind === 'DECIMAL'
                ? 'negDec'
                : 'negDbl';
        return `h.${fn}(${go(e.operand)})`;
      }
      case 'Concat':
        return `h.concat(${go(e.left)}, ${go(e.right)})`;
      case 'Compare': {
        const fn = { '=': 'eq', '<>': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' }[e.op];
        return `h.${fn}(${go(e.left)}, ${go(e.right)})`;
      }
      case 'Logical': {
        const a = this.temp();
        const b = this.temp();
        // Three-valued logic with short-circuit on the deciding value.
        return e.op === 'AND'
          ? `((${a} = ${go(e.left)}) === false ? false : ((${b} = ${go(e.right)}) === false ? false : (${a} === null || ${b} === null ? null : true)))`
          : `((${a} = ${go(e.left)}) === true ? true : ((${b} = ${go(e.right)}) === true ? true : (${a} === null || ${b} === null ? null : false)))`;
      }
      case 'Not': {
        const t = this.temp();
        return `((${t} = ${go(e.operand)}) === null ? null : !${t})`;
      }
      case 'IsNull':
        return `(${go(e.value)} ${e.negated ? '!==' : '==='} null)`;
      case 'IsDistinct':
        return `${e.negated ? '' : '!'}h.notDistinct(${go(e.left)}, ${go(e.right)})`;
      case 'Between': {
        const call = `h.between(${go(e.value)}, ${go(e.low)}, ${go(e.high)})`;
        if (!e.negated) return call;
        const t = this.temp();
        return `((${t} = ${call}) === null ? null : !${t})`;
      }
      case 'In': {
        const allLiteral = e.list.every((x) => x.kind === 'Literal');
        let call: string;
        if (allLiteral) {
          const values = e.list.map((x) => (x.kind === 'Literal' ? x.value : null));
          const set = new Set(values.filter((v) => v !== null).map(hashKey));
          const primitive = values.every((v) => v === null || typeof v !== 'object');
          call = primitive
            ? `h.inSet(${go(e.value)}, ${this.constant(set)})`
            : `h.inList(${go(e.value)}, ${this.constant(values)})`;
        } else {
          call = `h.inList(${go(e.value)}, [${e.list.map(go).join(', ')}])`;
        }
        if (!e.negated) return call;
        const t = this.temp();
        return `((${t} = ${call}) === null ? null : !${t})`;
      }
      case 'Like': {
        let call: string;
        if (e.pattern.kind === 'Literal') {
          if (e.pattern.value === null) return 'null';
          call = `h.like(${go(e.value)}, ${this.constant(likePattern(e.pattern.value as string, e.escape))})`;
        } else {
          call = `h.likeDynamic(${go(e.value)}, ${go(e.pattern)}, ${this.literal(e.escape ?? undefined)})`;
        }
        if (!e.negated) return call;
        const t = this.temp();
        return `((${t} = ${call}) === null ? null : !${t})`;
      }
      case 'Case': {
        let out = e.else ? go(e.else) : 'null';
        for (let i = e.whens.length - 1; i >= 0; i--) {
          const w = e.whens[i]!;
          out = `(${go(w.condition)} === true ? ${go(w.result)} : ${out})`;
        }
        return out;
      }
      case 'Cast':
        return `${this.constant(compileCast(e.from, e.type))}(${go(e.value)})`;
      case 'Deref':
        return `h.field(${go(e.base)}, ${JSON.stringify(e.field)})`;
      case 'Subscript':
        return e.on === 'ARRAY'
          ? `h.arrayAt(${go(e.base)}, ${go(e.index)})`
          : `h.mapGet(${go(e.base)}, ${go(e.index)})`;
      case 'Array':
        return `[${e.elements.map(go).join(', ')}]`;
      case 'Map':
        return `h.mapOf([${e.entries.map((en) => `${go(en.key)}, ${go(en.value)}`).join(', ')}])`;
      case 'Struct':
        return `({ ${e.fields.map((f) => `${JSON.stringify(f.name)}: ${go(f.value)}`).join(', ')} })`;
      case 'Lambda': {
        const inner = new Map(lambdas);
        const params = e.params.map((p) => {
          const v = `l${this.lambdaCount++}`;
          inner.set(p, v);
          return v;
        });
        return `((${params.join(', ')}) => ${this.emit(e.body, inner)})`;
      }
    }
  }

  private literal(value: unknown): string {
    if (value === null || value === undefined) return value === null ? 'null' : 'undefined';
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'number' && Number.isFinite(value)) return `(${String(value)})`;
    return this.constant(value);
  }

  private arithmetic(op: '+' | '-' | '*' | '/' | '%', type: SqlType, a: string, b: string): string {
    const name = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod' }[op];
    switch (type.kind) {
      case 'INTEGER':
        return `h.${name}Int(${a}, ${b})`;
      case 'BIGINT':
        return `h.${name}Long(${a}, ${b})`;
      case 'DECIMAL': {
        const shape: DecimalShape = { precision: type.precision, scale: type.scale };
        return `h.${name}Dec(${a}, ${b}, ${this.constant(shape)})`;
      }
      default:
        return `h.${name}Dbl(${a}, ${b})`;
    }
  }
}
