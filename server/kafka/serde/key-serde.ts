/**
 * Record keys: the key columns in the key format, optionally windowed (window-key.ts).
 *
 * Null handling mirrors ksqlDB: a single key column that is null is written as no bytes (a null
 * key), a key with no columns (format NONE, or a keyless stream) likewise; null bytes read as all
 * key columns null. A windowed key always has bytes (the window); an empty inner key that its
 * format cannot read (e.g. an empty JSON document) reads as null columns.
 */
import type { FormatInfo, SerdeFeatures, WindowBounds, WindowInfo } from '../../types/formats';
import type { Column } from '../../types/logical-schema';
import { checkKeyColumns, createRowCodec } from './format-support';
import { SerdeError, asSerdeError } from './serde-error';
import type { DeserializedKey, KeySerde } from './types';
import { createWindowCodec } from './window-key';

export function createKeySerde(
  format: FormatInfo,
  columns: readonly Column[],
  features: SerdeFeatures,
  window?: WindowInfo,
): KeySerde {
  checkKeyColumns(columns);
  const codec = createRowCodec({ format, columns, features, isKey: true });
  const count = columns.length;
  const nulls = (): unknown[] => new Array<unknown>(count).fill(null);

  const encodeInner = (values: readonly unknown[]): Buffer | null => {
    if (values.length !== count) {
      throw new SerdeError(
        `Column count mismatch on serialization. expected: ${count}, got: ${values.length}`,
      );
    }
    if (count === 0 || (count === 1 && (values[0] === null || values[0] === undefined))) return null;
    return codec.encode(values);
  };
  const decodeInner = (bytes: Buffer): unknown[] => codec.decode(bytes) ?? nulls();
  const decodeEmptyInner = (bytes: Buffer): unknown[] => {
    try {
      return decodeInner(bytes);
    } catch {
      return nulls();
    }
  };

  if (window === undefined) {
    return {
      windowed: false,
      serialize: (values) => {
        try {
          return encodeInner(values);
        } catch (e) {
          throw asSerdeError(e, 'key');
        }
      },
      deserialize: (bytes): DeserializedKey => {
        if (bytes === null) return { values: nulls() };
        try {
          return { values: decodeInner(bytes) };
        } catch (e) {
          throw asSerdeError(e, 'key');
        }
      },
    };
  }

  let windowCodec: ReturnType<typeof createWindowCodec>;
  try {
    windowCodec = createWindowCodec(window);
  } catch (e) {
    throw asSerdeError(e, 'key');
  }
  return {
    windowed: true,
    serialize: (values, bounds?: WindowBounds) => {
      try {
        if (bounds === undefined) throw new SerdeError('A windowed key needs its window bounds');
        return windowCodec.write(encodeInner(values), bounds);
      } catch (e) {
        throw asSerdeError(e, 'key');
      }
    },
    deserialize: (bytes): DeserializedKey => {
      if (bytes === null) return { values: nulls() };
      try {
        const { inner, window: bounds } = windowCodec.read(bytes);
        return { values: inner.length > 0 ? decodeInner(inner) : decodeEmptyInner(inner), window: bounds };
      } catch (e) {
        throw asSerdeError(e, 'key');
      }
    },
  };
}
