import { jsonDifference, show } from './json-compare';
import type { Json } from './qtt-json';
import type { QttRecord } from './qtt-schema';
import type { QttWindow } from './window-frame';

/** A record read back from a topic and decoded at the format level. */
export interface ActualRecord {
  readonly key: Json;
  readonly window?: QttWindow;
  readonly value: Json;
  readonly timestamp: number;
  /** Header values in base64, as QTT writes them. */
  readonly headers: readonly { readonly KEY: string; readonly VALUE: string | null }[];
}

/** What differs (`record count`, `key`, `window`, `value`, `headers`, `timestamp`) and how. */
export interface Difference {
  readonly aspect: string;
  readonly text: string;
}

/**
 * The first difference between a topic's expected and actual records, or undefined. Like ksqlDB:
 * the count must match, records compare in order, an expected record without `timestamp` matches
 * any timestamp (and so does 0 when the case has no inputs: INSERT VALUES stamps wall-clock time),
 * and an expected record without `headers` expects none.
 */
export function topicDifference(
  topic: string,
  expected: readonly QttRecord[],
  actual: readonly ActualRecord[],
  options: { readonly noInputs: boolean },
): Difference | undefined {
  let first: Difference | undefined;
  for (let i = 0; i < Math.min(expected.length, actual.length) && first === undefined; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === undefined || a === undefined) break;
    const d = recordDifference(e, a, options.noInputs);
    if (d !== undefined) first = { aspect: d.aspect, text: `${topic}[${i}] ${d.text}` };
  }
  if (expected.length !== actual.length) {
    const extra =
      actual.length > expected.length
        ? `; first extra: ${describe(actual[expected.length])}`
        : `; first missing: ${describeExpected(expected[actual.length])}`;
    const more = actual.length > expected.length ? 'more' : 'fewer';
    return {
      aspect: `${more} records${first ? `, ${first.aspect} differs` : ''}`,
      text: `${topic}: expected ${expected.length} records, got ${actual.length}${first ? `; ${first.text}` : extra}`,
    };
  }
  return first;
}

export function recordDifference(e: QttRecord, a: ActualRecord, noInputs: boolean): Difference | undefined {
  const window = (text: string): Difference => ({ aspect: 'window', text: `window: ${text}` });
  if (e.window !== undefined) {
    if (a.window === undefined) return window(`expected ${showWindow(e.window)}, got an unwindowed key`);
    if (
      e.window.start !== a.window.start ||
      e.window.end !== a.window.end ||
      e.window.type !== a.window.type
    ) {
      return window(`expected ${showWindow(e.window)}, got ${showWindow(a.window)}`);
    }
  } else if (a.window !== undefined) {
    return window(`expected an unwindowed key, got ${showWindow(a.window)}`);
  }
  const k = jsonDifference(e.key ?? null, a.key, 'key');
  if (k !== undefined) return { aspect: 'key', text: k };
  const v = jsonDifference(e.value ?? null, a.value, 'value');
  if (v !== undefined) return { aspect: 'value', text: v };
  const h = headersDifference(e.headers ?? [], a.headers);
  if (h !== undefined) return { aspect: 'headers', text: h };
  const ts = e.timestamp;
  if (ts !== undefined && ts !== null && ts !== a.timestamp && !(noInputs && ts === 0)) {
    return { aspect: 'timestamp', text: `timestamp: expected ${ts}, got ${a.timestamp}` };
  }
  return undefined;
}

function headersDifference(
  expected: readonly { KEY: string; VALUE?: string | null }[],
  actual: ActualRecord['headers'],
): string | undefined {
  const same =
    expected.length === actual.length &&
    expected.every((h, i) => h.KEY === actual[i]?.KEY && (h.VALUE ?? null) === actual[i]?.VALUE);
  if (same) return undefined;
  const fmt = (hs: readonly { KEY: string; VALUE?: string | null }[]): string =>
    `[${hs.map((h) => `${h.KEY}=${h.VALUE ?? 'null'}`).join(', ')}]`;
  return `headers: expected ${fmt(expected)}, got ${fmt(actual)}`;
}

function showWindow(w: QttWindow): string {
  return `${w.type} [${w.start}, ${w.end})`;
}

function describe(a: ActualRecord | undefined): string {
  if (a === undefined) return 'none';
  const w = a.window ? ` ${showWindow(a.window)}` : '';
  return `key ${show(a.key, 60)}${w} value ${show(a.value, 100)} @${a.timestamp}`;
}

function describeExpected(e: QttRecord | undefined): string {
  if (e === undefined) return 'none';
  const w = e.window ? ` ${showWindow(e.window)}` : '';
  return `key ${show(e.key ?? null, 60)}${w} value ${show(e.value ?? null, 100)}`;
}
