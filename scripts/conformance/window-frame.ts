import type { WindowInfo } from '../../server/types/formats';

/**
 * The window suffix Kafka Streams appends to windowed keys (and ksqlDB's runner reads with
 * `TimeWindowedDeserializer` / `SessionWindowedDeserializer`): time windows carry the 8-byte
 * big-endian start (the end is start + size); session windows carry the end, then the start.
 * Written here independently of the engine's serde, so a framing bug shows as a difference.
 */
export interface QttWindow {
  readonly start: number;
  readonly end: number;
  /** QTT's names: `time` (tumbling and hopping) or `session`. */
  readonly type: string;
}

export function windowTypeName(info: WindowInfo): 'time' | 'session' {
  return info.type === 'SESSION' ? 'session' : 'time';
}

export function frameWindow(inner: Buffer | null, info: WindowInfo, w: QttWindow): Buffer {
  const longs = info.type === 'SESSION' ? [w.end, w.start] : [w.start];
  const suffix = Buffer.alloc(8 * longs.length);
  longs.forEach((v, i) => suffix.writeBigInt64BE(BigInt(v), 8 * i));
  return Buffer.concat([inner ?? Buffer.alloc(0), suffix]);
}

export function unframeWindow(bytes: Buffer, info: WindowInfo): { inner: Buffer; window: QttWindow } {
  const session = info.type === 'SESSION';
  const suffix = session ? 16 : 8;
  if (bytes.length < suffix) {
    throw new Error(`a ${info.type} windowed key needs at least ${suffix} bytes, got ${bytes.length}`);
  }
  const n = bytes.length - suffix;
  const first = Number(bytes.readBigInt64BE(n));
  if (session) {
    return {
      inner: bytes.subarray(0, n),
      window: { start: Number(bytes.readBigInt64BE(n + 8)), end: first, type: 'session' },
    };
  }
  if (info.sizeMs === undefined) throw new Error(`a ${info.type} window without a size`);
  return { inner: bytes.subarray(0, n), window: { start: first, end: first + info.sizeMs, type: 'time' } };
}
