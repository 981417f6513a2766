/**
 * Windowed keys exactly as Kafka Streams (and so ksqlDB) write them:
 * - TUMBLING/HOPPING: inner key bytes + 8-byte big-endian window start; the end is start + size;
 * - SESSION: inner key bytes + 8-byte big-endian end + 8-byte big-endian start.
 */
import type { WindowBounds, WindowInfo } from '../../types/formats';

const LONG = 8;

export interface WindowCodec {
  /** Bytes after the inner key. */
  readonly suffixLength: number;
  write(inner: Buffer | null, window: WindowBounds): Buffer;
  /** Splits `bytes` into inner key bytes and window; throws if too short. */
  read(bytes: Buffer): { inner: Buffer; window: WindowBounds };
}

function writeLong(b: Buffer, offset: number, v: number): void {
  b.writeBigInt64BE(BigInt(Math.trunc(v)), offset);
}

function readLong(b: Buffer, offset: number): number {
  return Number(b.readBigInt64BE(offset));
}

export function createWindowCodec(info: WindowInfo): WindowCodec {
  if (info.type === 'SESSION') {
    const suffixLength = 2 * LONG;
    return {
      suffixLength,
      write: (inner, window) => {
        const n = inner?.length ?? 0;
        const b = Buffer.allocUnsafe(n + suffixLength);
        inner?.copy(b, 0);
        writeLong(b, n, window.end);
        writeLong(b, n + LONG, window.start);
        return b;
      },
      read: (bytes) => {
        if (bytes.length < suffixLength) {
          throw new Error(`A session-windowed key needs at least ${suffixLength} bytes, got ${bytes.length}`);
        }
        const n = bytes.length - suffixLength;
        return {
          inner: bytes.subarray(0, n),
          window: { start: readLong(bytes, n + LONG), end: readLong(bytes, n) },
        };
      },
    };
  }
  const size = info.sizeMs;
  if (size === undefined || !Number.isFinite(size) || size <= 0) {
    throw new Error(`A ${info.type} window needs a positive size to read its keys`);
  }
  return {
    suffixLength: LONG,
    write: (inner, window) => {
      const n = inner?.length ?? 0;
      const b = Buffer.allocUnsafe(n + LONG);
      inner?.copy(b, 0);
      writeLong(b, n, window.start);
      return b;
    },
    read: (bytes) => {
      if (bytes.length < LONG) {
        throw new Error(`A time-windowed key needs at least ${LONG} bytes, got ${bytes.length}`);
      }
      const n = bytes.length - LONG;
      const start = readLong(bytes, n);
      return { inner: bytes.subarray(0, n), window: { start, end: start + size } };
    },
  };
}
