import { isJsonObject, JsonNumber, writeJson, type Json } from './qtt-json';

/**
 * Compares an expected QTT value with a decoded actual one and names the first difference, e.g.
 * `.ADDRESS.CITY: expected "x", got "y"`. The rules follow ksqlDB's `ExpectedRecordComparator`,
 * with numbers compared by value rather than by Java class:
 * - objects: same number of fields; an expected field is looked up as written, then upper-cased;
 *   a missing field reads as null (as in ksqlDB); field order is irrelevant;
 * - arrays: same length, element by element;
 * - numbers: equal by value (1 = 1.0 = 1.00); an expected string matches an actual number when it
 *   holds the same number (QTT writes some DECIMAL results as `"005.4"`);
 * - strings, booleans and null: equal.
 */
export function jsonDifference(
  expected: Json | undefined,
  actual: Json | undefined,
  path = '',
): string | undefined {
  const exp = expected ?? null;
  const act = actual ?? null;
  const differ = (): string => `${path || 'value'}: expected ${show(exp)}, got ${show(act)}`;

  if (exp === null) return act === null ? undefined : differ();
  if (exp instanceof JsonNumber)
    return act instanceof JsonNumber && numbersEqual(exp.text, act.text) ? undefined : differ();
  if (typeof exp === 'string') {
    if (typeof act === 'string') return exp === act ? undefined : differ();
    if (act instanceof JsonNumber && isNumberText(exp.trim())) {
      return numbersEqual(exp.trim(), act.text) ? undefined : differ();
    }
    return differ();
  }
  if (typeof exp === 'boolean') return exp === act ? undefined : differ();
  if (Array.isArray(exp)) {
    if (!Array.isArray(act)) return differ();
    if (act.length !== exp.length)
      return `${path || 'value'}: expected ${exp.length} elements, got ${act.length} (${show(act)})`;
    for (let i = 0; i < exp.length; i++) {
      const d = jsonDifference(exp[i], act[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (!isJsonObject(act)) return differ();
  const expKeys = Object.keys(exp);
  const actKeys = Object.keys(act);
  for (const k of expKeys) {
    const key = Object.hasOwn(act, k) ? k : k.toUpperCase();
    const d = jsonDifference(exp[k], Object.hasOwn(act, key) ? act[key] : null, `${path}.${k}`);
    if (d !== undefined) return d;
  }
  if (actKeys.length !== expKeys.length) {
    const extra = actKeys.filter(
      (k) => !Object.hasOwn(exp, k) && !expKeys.some((e) => e.toUpperCase() === k),
    );
    return `${path || 'value'}: expected ${expKeys.length} fields, got ${actKeys.length}${extra.length ? ` (unexpected ${extra.join(', ')})` : ''}`;
  }
  return undefined;
}

/** Short JSON text for messages; long values are cut. */
export function show(v: Json | undefined, max = 160): string {
  const text = v === undefined ? 'nothing' : writeJson(v);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function isNumberText(s: string): boolean {
  return NUMBER_TEXT.test(s);
}

/**
 * Exact decimal equality; failing that, equality as doubles when both have at most 17 significant
 * digits — the most a double prints, and Java and JavaScript print some doubles differently
 * (`1.0E10` vs `10000000000`). Longer numbers (DECIMAL(38, x), big BIGINTs) must match exactly.
 */
export function numbersEqual(a: string, b: string): boolean {
  const x = toExact(a);
  const y = toExact(b);
  if (x !== undefined && y !== undefined && x.digits === y.digits && x.exponent === y.exponent) return true;
  if (x === undefined || y === undefined) return Number(a) === Number(b);
  const sig = (d: string): number => d.replace('-', '').length;
  return sig(x.digits) <= 17 && sig(y.digits) <= 17 && Number(a) === Number(b);
}

/** A number as significant digits (no leading/trailing zeros) × 10^exponent. */
function toExact(text: string): { digits: string; exponent: number } | undefined {
  const m = NUMBER_TEXT.exec(text);
  if (!m) return undefined;
  const negative = text.startsWith('-');
  const [mantissa = '', exp = ''] = text.replace(/^[+-]/, '').split(/[eE]/);
  const [int = '', frac = ''] = mantissa.split('.');
  let digits = (int + frac).replace(/^0+/, '');
  let exponent = Number(exp || '0') - frac.length;
  if (digits === '') return { digits: '0', exponent: 0 };
  const trailing = /0+$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return { digits: negative ? `-${digits}` : digits, exponent };
}
