/**
 * Record values: the value columns (header columns excluded — they come from the record's headers,
 * see headers.ts) in the value format. A null row is a tombstone both ways.
 */
import type { FormatInfo, SerdeFeatures } from '../../types/formats';
import type { Column } from '../../types/logical-schema';
import { createRowCodec } from './format-support';
import { SerdeError, asSerdeError } from './serde-error';
import type { ValueSerde } from './types';

export function createValueSerde(
  format: FormatInfo,
  columns: readonly Column[],
  features: SerdeFeatures,
): ValueSerde {
  const header = columns.find((c) => c.header !== undefined);
  if (header) throw new SerdeError(`Header column ${header.name} cannot be part of the value schema`);
  const codec = createRowCodec({ format, columns, features, isKey: false });
  const count = columns.length;
  return {
    serialize: (values) => {
      if (values === null) return null;
      try {
        if (values.length !== count) {
          throw new SerdeError(
            `Column count mismatch on serialization. expected: ${count}, got: ${values.length}`,
          );
        }
        return codec.encode(values);
      } catch (e) {
        throw asSerdeError(e, 'value');
      }
    },
    deserialize: (bytes) => {
      if (bytes === null) return null;
      try {
        return codec.decode(bytes);
      } catch (e) {
        throw asSerdeError(e, 'value');
      }
    },
  };
}
