/**
 * An in-memory state store. Every change is reported to `onChange` so that the Kafka runtime can
 * write it to the store's compacted changelog topic (and restore from it after a restart); the
 * deterministic driver simply keeps the map.
 */
export type StoreChange<V> = (key: string, value: V | undefined) => void;

/**
 * How a store's values become data for its changelog (and back). The result may still hold
 * DECIMAL/BYTES/MAP values: the runtime's typed JSON keeps those. Aggregate accumulators go through
 * their aggregator's toJSON/fromJSON.
 */
export interface StoreCodec<V> {
  encode(value: V): unknown;
  decode(data: unknown): V;
}

const identityCodec: StoreCodec<never> = { encode: (v) => v, decode: (d) => d as never };

export class KeyValueStore<V> {
  private readonly map = new Map<string, V>();
  readonly codec: StoreCodec<V>;

  constructor(
    readonly name: string,
    private onChange?: StoreChange<V>,
    codec?: StoreCodec<V>,
  ) {
    this.codec = codec ?? (identityCodec as StoreCodec<V>);
  }

  setChangeListener(listener: StoreChange<V> | undefined): void {
    this.onChange = listener;
  }

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  put(key: string, value: V): void {
    this.map.set(key, value);
    this.onChange?.(key, value);
  }

  delete(key: string): void {
    if (this.map.delete(key)) this.onChange?.(key, undefined);
  }

  /** Restoring from a changelog: no change notifications. */
  restore(key: string, value: V | undefined): void {
    if (value === undefined) this.map.delete(key);
    else this.map.set(key, value);
  }

  entries(): IterableIterator<[string, V]> {
    return this.map.entries();
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

/** A string that is equal for equal key values (JS Maps compare objects by identity). */
export function storeKey(values: readonly unknown[]): string {
  let out = '';
  for (const v of values) out += `${encode(v)}\u0001`;
  return out;
}

function encode(v: unknown): string {
  if (v === null || v === undefined) return '\u0000';
  switch (typeof v) {
    case 'string':
      return `s${v}`;
    case 'number':
      return `n${v}`;
    case 'boolean':
      return v ? 'T' : 'F';
    default:
      return `j${JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? [...x.entries()] : typeof x === 'bigint' ? x.toString() : x))}`;
  }
}
