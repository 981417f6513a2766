/**
 * Java's textual forms of numbers, which ksqlDB exposes through CAST(… AS STRING), CONCAT and the
 * DELIMITED format: a DOUBLE always shows a fraction or exponent (`1.0`, `1.0E10`, `1.5E-4`).
 */

/** Java's Double.toString, using JavaScript's shortest round-trip digits. */
export function formatDouble(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  // Java prints the smallest subnormal with two digits, where the shortest round-trip form has one.
  if (abs === Number.MIN_VALUE) return `${sign}4.9E-324`;
  const [mant = '0', expText = '0'] = abs.toExponential().split('e');
  const digits = mant.replace('.', '');
  const exp = Number(expText);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      const frac = digits.slice(exp + 1);
      return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
    }
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  const frac = digits.slice(1);
  return `${sign}${digits[0]}.${frac === '' ? '0' : frac}E${exp}`;
}

const JAVA_DOUBLE = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/;

/** Java's Double.parseDouble (after trimming): decimal, exponent, NaN, Infinity; throws otherwise. */
export function parseJavaDouble(text: string): number {
  const t = text.trim();
  if (!JAVA_DOUBLE.test(t)) throw new Error(`For input string: "${text}"`);
  if (t.endsWith('NaN')) return NaN;
  if (t.endsWith('Infinity')) return t.startsWith('-') ? -Infinity : Infinity;
  return Number(t.replace(/[fFdD]$/, ''));
}

const INT_TEXT = /^[+-]?\d+$/;

/** Java's Integer.parseInt / Long.parseLong of trimmed text; throws on junk or overflow. */
export function parseJavaInteger(text: string, bits: 32 | 64): number {
  const t = text.trim();
  if (!INT_TEXT.test(t)) throw new Error(`For input string: "${text}"`);
  const big = BigInt(t);
  const limit = bits === 32 ? 2n ** 31n : 2n ** 63n;
  if (big < -limit || big >= limit) throw new Error(`For input string: "${text}"`);
  return Number(big);
}
