import { assertNever, type Expression, type Literal, type TimeUnit } from './ast';
import { formatIdentifier, formatString } from './format-identifier';
import { formatTypeNode } from './format-type';

/** Binding strength, loosest first; a child weaker than its slot needs parentheses. */
const enum Prec {
  Top = 0,
  Or = 1,
  And = 2,
  Not = 3,
  Predicate = 4,
  Concat = 5,
  Additive = 6,
  Multiplicative = 7,
  Unary = 8,
  Primary = 9,
}
/** Operand slot of predicates, GROUP BY items, VALUES: a value expression. */
export const VALUE_SLOT = 5;

/** Canonical SQL for an expression: upper-case keywords, minimal parentheses, quoted names only if needed. */
export function formatExpression(e: Expression, minPrec = 0): string {
  const [text, prec] = fmt(e);
  return prec < minPrec ? `(${text})` : text;
}

function fmt(e: Expression): [string, Prec] {
  const f = formatExpression;
  switch (e.kind) {
    case 'NullLiteral':
    case 'BooleanLiteral':
    case 'IntegerLiteral':
    case 'BigIntLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
    case 'StringLiteral':
      return [formatLiteral(e), Prec.Primary];
    case 'ColumnRef':
      return [
        e.source
          ? `${formatIdentifier(e.source.name)}.${formatIdentifier(e.name.name)}`
          : formatIdentifier(e.name.name),
        Prec.Primary,
      ];
    case 'LambdaVariable':
      return [formatIdentifier(e.name.name), Prec.Primary];
    case 'Dereference':
      return [`${f(e.base, Prec.Primary)}->${formatIdentifier(e.field.name)}`, Prec.Primary];
    case 'Subscript':
      return [`${f(e.base, Prec.Primary)}[${f(e.index)}]`, Prec.Primary];
    case 'Unary': {
      const inner = f(e.operand, Prec.Unary);
      // `- -1` must not become the comment `--1`, and `-(1[2])` must not become the literal `-1[2]`.
      const guarded = /^[-+0-9.]/.test(inner) ? `(${inner})` : inner;
      return [`${e.op}${guarded}`, Prec.Unary];
    }
    case 'Arithmetic': {
      const p = e.op === '+' || e.op === '-' ? Prec.Additive : Prec.Multiplicative;
      return [`${f(e.left, p)} ${e.op} ${f(e.right, p + 1)}`, p];
    }
    case 'Concat':
      return [`${f(e.left, Prec.Concat)} || ${f(e.right, Prec.Additive)}`, Prec.Concat];
    case 'Comparison':
      return [`${f(e.left, VALUE_SLOT)} ${e.op} ${f(e.right, VALUE_SLOT)}`, Prec.Predicate];
    case 'Logical': {
      const p = e.op === 'OR' ? Prec.Or : Prec.And;
      return [`${f(e.left, p)} ${e.op} ${f(e.right, p + 1)}`, p];
    }
    case 'Not':
      return [`NOT ${f(e.operand, Prec.Not)}`, Prec.Not];
    case 'Between':
      return [
        `${f(e.value, VALUE_SLOT)} ${e.negated ? 'NOT ' : ''}BETWEEN ${f(e.low, VALUE_SLOT)} AND ${f(e.high, VALUE_SLOT)}`,
        Prec.Predicate,
      ];
    case 'InList':
      return [
        `${f(e.value, VALUE_SLOT)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map((x) => f(x)).join(', ')})`,
        Prec.Predicate,
      ];
    case 'Like': {
      const esc = e.escape ? ` ESCAPE ${formatString(e.escape.value)}` : '';
      return [
        `${f(e.value, VALUE_SLOT)} ${e.negated ? 'NOT ' : ''}LIKE ${f(e.pattern, VALUE_SLOT)}${esc}`,
        Prec.Predicate,
      ];
    }
    case 'IsNull':
      return [`${f(e.value, VALUE_SLOT)} IS ${e.negated ? 'NOT ' : ''}NULL`, Prec.Predicate];
    case 'IsDistinctFrom':
      return [
        `${f(e.left, VALUE_SLOT)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${f(e.right, VALUE_SLOT)}`,
        Prec.Predicate,
      ];
    case 'SearchedCase':
    case 'SimpleCase': {
      const head = e.kind === 'SimpleCase' ? `CASE ${f(e.operand)}` : 'CASE';
      const whens = e.whens.map((w) => ` WHEN ${f(w.condition)} THEN ${f(w.result)}`).join('');
      const otherwise = e.else ? ` ELSE ${f(e.else)}` : '';
      return [`${head}${whens}${otherwise} END`, Prec.Primary];
    }
    case 'Cast':
      return [`CAST(${f(e.value)} AS ${formatTypeNode(e.type)})`, Prec.Primary];
    case 'FunctionCall':
      return [
        `${formatIdentifier(e.name.name)}(${e.star ? '*' : e.args.map((a) => f(a)).join(', ')})`,
        Prec.Primary,
      ];
    case 'ArrayConstructor':
      return [`ARRAY[${e.elements.map((x) => f(x)).join(', ')}]`, Prec.Primary];
    case 'MapConstructor':
      return [`MAP(${e.entries.map((x) => `${f(x.key)} := ${f(x.value)}`).join(', ')})`, Prec.Primary];
    case 'StructConstructor':
      return [
        `STRUCT(${e.fields.map((x) => `${formatIdentifier(x.name.name)} := ${f(x.value)}`).join(', ')})`,
        Prec.Primary,
      ];
    case 'Lambda': {
      const params = e.params.map((x) => formatIdentifier(x.name));
      const head = params.length === 1 ? (params[0] ?? '') : `(${params.join(', ')})`;
      return [`${head} => ${f(e.body)}`, Prec.Top];
    }
    case 'IntervalUnit':
      return [e.unit, Prec.Primary];
    default:
      return assertNever(e);
  }
}

export function formatLiteral(e: Literal): string {
  switch (e.kind) {
    case 'NullLiteral':
      return 'NULL';
    case 'BooleanLiteral':
      return e.value ? 'TRUE' : 'FALSE';
    case 'IntegerLiteral':
      return String(e.value);
    case 'BigIntLiteral':
      return String(e.value);
    case 'DecimalLiteral':
      return /^-?(\d+\.\d*|\.\d+)$/.test(e.value) ? e.value : `DECIMAL ${formatString(e.value)}`;
    case 'DoubleLiteral':
      return formatDouble(e.value);
    case 'StringLiteral':
      return formatString(e.value);
    default:
      return assertNever(e);
  }
}

/** Always with an exponent, since `1.5` would read back as a DECIMAL. */
function formatDouble(v: number): string {
  if (Number.isNaN(v)) return 'NULL';
  if (!Number.isFinite(v)) return v > 0 ? '1E400' : '-1E400';
  if (Object.is(v, -0)) return '-0E0';
  const s = String(v).toUpperCase().replace('E+', 'E');
  return s.includes('E') ? s : `${s}E0`;
}

export function formatUnit(value: number, unit: TimeUnit): string {
  return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`;
}
