/**
 * Runs one of ksqlDB's REST query-validation cases (../shared/ksqldb-qtt/rest-query-validation-tests)
 * against a live engine through the REST API, the way ksqlDB's RestTestExecutor does: statements up
 * to the first query go to /ksql, inputs are produced (after the push query is active when the case
 * asks), then each query goes to /query and its StreamedRow array is compared with the expected one
 * (header schema exactly, rows as a multiset, queryId ignored). Topic names get a per-case prefix
 * (also used as ksql.output.topic.name.prefix) so cases never share topics. Integration-test
 * support, kept for the conformance runner's --rest mode; never used by product code.
 */
import { readFileSync } from 'node:fs';
import { createKeySerde, createValueSerde, fromJsonValue } from '../../../kafka/serde';
import type { LiveServer } from './live-engine';

export type J = Record<string, unknown>;

/** A QTT file: JSON with `//` comments and raw control characters in strings. */
export function loadQttFile(p: string): { tests: J[] } {
  const t = readFileSync(p, 'utf8');
  let out = '';
  let ins = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (ins) {
      const code = c.charCodeAt(0);
      out += code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : c;
      if (c === '\\') {
        out += t[i + 1];
        i++;
        continue;
      }
      if (c === '"') ins = false;
    } else if (c === '"') {
      ins = true;
      out += c;
    } else if (c === '/' && t[i + 1] === '/') {
      const j = t.indexOf('\n', i);
      i = j < 0 ? t.length : j - 1;
    } else out += c;
  }
  return JSON.parse(out) as { tests: J[] };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(url: string, path: string, body: unknown): Promise<{ status: number; text: string }> {
  const r = await fetch(url + path, {
    method: 'POST',
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20000),
  });
  return { status: r.status, text: await r.text() };
}

function parseStreamed(text: string): J[] {
  const out: J[] = [];
  for (let line of text.split('\n')) {
    line = line.trim().replace(/^\[/, '').replace(/,$/, '').replace(/\]$/, '').replace(/,$/, '').trim();
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as J);
    } catch {
      out.push({ unparsable: line });
    }
  }
  return out;
}

function norm(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as J).sort()) : x,
  );
}

function compareQuery(expected: J[], actual: J[]): string | undefined {
  const wantFinal = expected.some((e) => 'finalMessage' in e);
  const a = actual.filter((e) => !('consistencyToken' in e) && (wantFinal || !('finalMessage' in e)));
  const eh = expected.find((e) => 'header' in e)?.header as J | undefined;
  const ah = a.find((e) => 'header' in e)?.header as J | undefined;
  if (eh && (!ah || ah.schema !== eh.schema)) return `header ${String(ah?.schema)} != ${String(eh.schema)}`;
  const er = expected
    .filter((e) => !('header' in e))
    .map(norm)
    .sort();
  const ar = a
    .filter((e) => !('header' in e))
    .map(norm)
    .sort();
  if (norm(er) !== norm(ar)) return `rows ${ar.join(' ')} != ${er.join(' ')}`;
  return undefined;
}

/** Runs one case; undefined when it passes, 'SKIP …' when it cannot run, else why it failed. */
export async function runRestQttCase(live: LiveServer, c: J, prefix: string): Promise<string | undefined> {
  const rename = (t: string) => `${prefix}${t}`;
  const props = { ...(c.properties as J | undefined), 'ksql.output.topic.name.prefix': prefix };
  const statements = (c.statements as string[]).map((s) =>
    s.replace(/(kafka_topic\s*=\s*')([^']*)'/gi, (_m, a: string, b: string) => `${a}${rename(b)}'`),
  );
  for (const t of (c.topics as J[] | undefined) ?? []) {
    await live.running.services.admin.ensure({
      name: rename(String(t.name)),
      partitions: Number(t.partitions ?? 1),
    });
  }
  for (const st of statements) {
    if (
      !/^\s*CREATE\s+(OR\s+REPLACE\s+)?(SOURCE\s+)?(STREAM|TABLE)\b/i.test(st) ||
      /\bAS\s+SELECT\b/i.test(st)
    )
      continue;
    const topic = /kafka_topic\s*=\s*'([^']*)'/i.exec(st)?.[1];
    const parts = /partitions\s*=\s*(\d+)/i.exec(st)?.[1];
    if (topic) await live.running.services.admin.ensure({ name: topic, partitions: Number(parts ?? 1) });
  }
  const firstQuery = statements.findIndex((s) => /^\s*(SELECT|PRINT)\b/i.test(s));
  const admin = firstQuery < 0 ? statements : statements.slice(0, firstQuery);
  const queries = firstQuery < 0 ? [] : statements.slice(firstQuery);
  const expectedError = c.expectedError as J | undefined;
  const responses = (c.responses as J[] | undefined) ?? [];
  const errorMatches = (r: { status: number; text: string }): string | undefined => {
    if (!expectedError) return `unexpected ${r.status}: ${r.text.slice(0, 300)}`;
    const msg = String(expectedError.message ?? '');
    if (expectedError.status !== undefined && Number(expectedError.status) !== r.status)
      return `status ${r.status} != ${String(expectedError.status)}: ${r.text.slice(0, 200)}`;
    let m = '';
    try {
      m = String((JSON.parse(r.text) as J).message ?? r.text);
    } catch {
      m = r.text;
    }
    return m.includes(msg) ? 'EXPECTED_ERROR_OK' : `message "${m.slice(0, 200)}" !~ "${msg.slice(0, 200)}"`;
  };
  let ri = 0;
  for (const s of admin) {
    const r = await post(live.url, '/ksql', { ksql: s, streamsProperties: props });
    if (r.status !== 200) {
      const e = errorMatches(r);
      return e === 'EXPECTED_ERROR_OK' ? undefined : e;
    }
    const want = responses[ri++]?.admin as J | undefined;
    const got = (JSON.parse(r.text) as J[])[0];
    if (want && got && want['@type'] !== got['@type'])
      return `admin @type ${String(got['@type'])} != ${String(want['@type'])}`;
  }
  const produce = async () => {
    for (const input of (c.inputs as J[] | undefined) ?? []) {
      const topic = rename(String(input.topic));
      const source = live.running.engine
        .catalog()
        .sources()
        .find((x) => x.topic === topic);
      if (!source) throw new Error(`no source over ${topic}`);
      const keyCols = source.schema.key;
      const k = input.key;
      const keyValues = keyCols.map((col, i) => {
        // Field names match case-insensitively, as ksqlDB's JSON deserializer matches them.
        const field = (o: J): unknown =>
          o[Object.keys(o).find((x) => x.toUpperCase() === col.name) ?? col.name];
        const raw =
          keyCols.length === 1 ? k : k && typeof k === 'object' ? field(k as J) : i === 0 ? k : null;
        return raw === null || raw === undefined ? null : fromJsonValue(raw, col.type);
      });
      const valueCols = source.schema.value.filter((x) => !x.header);
      const rawValue = input.value;
      const v =
        rawValue === null ||
        rawValue === undefined ||
        (typeof rawValue === 'object' && !Array.isArray(rawValue))
          ? (rawValue as J | null | undefined)
          : ({ [valueCols[0]?.name ?? 'X']: rawValue } as J);
      const values =
        v === null || v === undefined
          ? null
          : valueCols.map((col) => {
              const key = Object.keys(v).find((x) => x.toUpperCase() === col.name.toUpperCase());
              const raw = key === undefined ? null : v[key];
              return raw === null || raw === undefined ? null : fromJsonValue(raw, col.type);
            });
      const ks = createKeySerde(source.keyFormat, keyCols, source.keyFeatures, source.window);
      const vs = createValueSerde(source.valueFormat, valueCols, source.valueFeatures);
      const window = input.window as { start: number; end: number } | undefined;
      await live.running.services.records.write(topic, [
        {
          key: ks.serialize(keyValues, window as never),
          value: vs.serialize(values),
          timestamp: Number(input.timestamp ?? Date.now()),
          headers: ((input.headers as { KEY: string; VALUE: string | null }[] | undefined) ?? []).map(
            (h) => ({ key: h.KEY, value: h.VALUE === null ? null : Buffer.from(h.VALUE, 'base64') }),
          ),
        },
      ]);
    }
  };
  const waitPush = Boolean((c.inputConditions as J | undefined)?.waitForActivePushQuery);
  try {
    if (!waitPush) await produce();
  } catch (e) {
    return `produce: ${String(e)}`;
  }
  for (const q of queries) {
    const want = responses[ri++];
    if (want && 'queryProto' in want) return 'SKIP proto';
    const expected = (want?.query as J[] | undefined) ?? [];
    const deadline = Date.now() + (waitPush ? 0 : 6000);
    let last: string | undefined;
    for (;;) {
      let r: { status: number; text: string };
      if (waitPush) {
        const p = post(live.url, '/query', { ksql: q, streamsProperties: props });
        const before = live.running.engine.transientQueries().length;
        const t0 = Date.now();
        while (live.running.engine.transientQueries().length <= before && Date.now() - t0 < 5000)
          await sleep(20);
        await sleep(1500);
        try {
          await produce();
        } catch (e) {
          return `produce: ${String(e)}`;
        }
        r = await p.catch((e: unknown) => ({ status: 0, text: String(e) }));
      } else r = await post(live.url, '/query', { ksql: q, streamsProperties: props });
      if (r.status !== 200) {
        const e = errorMatches(r);
        return e === 'EXPECTED_ERROR_OK' ? undefined : e;
      }
      const actual = parseStreamed(r.text);
      const err = actual.find((x) => 'errorMessage' in x);
      if (err) {
        const e = errorMatches({ status: 400, text: JSON.stringify(err.errorMessage) });
        return e === 'EXPECTED_ERROR_OK' ? undefined : e;
      }
      last = compareQuery(expected, actual);
      if (last === undefined || Date.now() > deadline) break;
      await sleep(500);
    }
    if (last) return last;
  }
  return expectedError ? `expected error "${String(expectedError.message)}" not raised` : undefined;
}
