import { Decimal } from '../../types/decimal';

/**
 * JSON for engine-internal topics (repartition, changelog): keeps the runtime value types that
 * plain JSON loses — DECIMAL, BYTES, MAP — so rows round-trip exactly between engines.
 * Encoded as one-key objects `{"$d":"1.50"}`, `{"$b":"<base64>"}`, `{"$m":[[k,v],…]}`; a plain
 * object that itself has a single `$`-key is escaped as `{"$o":{…}}`.
 */
export function encodeTyped(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (value instanceof Decimal) return { $d: value.toString() };
  if (value instanceof Uint8Array)
    return { $b: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (value instanceof Map)
    return { $m: [...value.entries()].map(([k, v]) => [encodeTyped(k), encodeTyped(v)]) };
  if (Array.isArray(value)) return value.map(encodeTyped);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = encodeTyped(v);
  const keys = Object.keys(out);
  return keys.length === 1 && keys[0]!.startsWith('$') ? { $o: out } : out;
}

export function decodeTyped(json: unknown): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(decodeTyped);
  const obj = json as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const k = keys[0]!;
    const v = obj[k];
    if (k === '$d' && typeof v === 'string') return Decimal.parse(v);
    if (k === '$b' && typeof v === 'string') return Buffer.from(v, 'base64');
    if (k === '$m' && Array.isArray(v))
      return new Map(v.map((e) => [decodeTyped((e as unknown[])[0]), decodeTyped((e as unknown[])[1])]));
    if (k === '$o' && v && typeof v === 'object') return decodeObject(v as Record<string, unknown>);
  }
  return decodeObject(obj);
}

function decodeObject(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = decodeTyped(v);
  return out;
}

export function toTypedBuffer(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(encodeTyped(value)));
}

export function fromTypedBuffer(bytes: Buffer): unknown {
  return decodeTyped(JSON.parse(bytes.toString('utf8')));
}
