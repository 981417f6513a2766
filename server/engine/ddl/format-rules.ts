import { bindError } from '../../bind/bind-error';
import type { FormatInfo, FormatName, SerdeFeatures } from '../../types/formats';
import { SCHEMA_REGISTRY_FORMATS } from '../../types/formats';
import type { Column } from '../../types/logical-schema';
import { quoteName } from '../../types/logical-schema';
import { formatType, type SqlType } from '../../types/sql-type';
import type { Session } from '../session';
import type { WithProperties } from './with-properties';

export interface ResolvedFormats {
  readonly keyFormat: FormatInfo;
  readonly valueFormat: FormatInfo;
  readonly keyFeatures: SerdeFeatures;
  readonly valueFeatures: SerdeFeatures;
}

/**
 * Key and value formats from WITH properties, else `inherited` (CSAS/CTAS take the source's), else
 * the session defaults (`ksql.persistence.default.format.key` = KAFKA, value: none → error).
 */
export function resolveFormats(
  props: WithProperties,
  session: Session,
  inherited?: ResolvedFormats,
  keyless = false,
): ResolvedFormats {
  const defaultKey = (
    session.properties['ksql.persistence.default.format.key'] ?? 'KAFKA'
  ).toUpperCase() as FormatName;
  const defaultValue = session.properties['ksql.persistence.default.format.value']?.toUpperCase() as
    FormatName | undefined;
  let keyName: FormatName = props.format ?? props.keyFormat ?? inherited?.keyFormat.format ?? defaultKey;
  const valueName = props.format ?? props.valueFormat ?? inherited?.valueFormat.format ?? defaultValue;
  if (!valueName) {
    throw bindError(
      "Statement is missing the 'VALUE_FORMAT' property from the WITH clause. Either provide one or set a default via the 'ksql.persistence.default.format.value' config.",
    );
  }
  if (keyless && props.format === undefined && props.keyFormat === undefined) keyName = 'NONE';
  for (const f of [keyName, valueName]) {
    if (SCHEMA_REGISTRY_FORMATS.includes(f) || f === 'PROTOBUF_NOSR') {
      throw bindError(`The ${f} format needs a Schema Registry, which Kappa does not support yet.`);
    }
  }
  const keyDelimiter =
    props.keyDelimiter ??
    (keyName === inherited?.keyFormat.format ? inherited.keyFormat.delimiter : undefined);
  const valueDelimiter =
    props.valueDelimiter ??
    (valueName === inherited?.valueFormat.format ? inherited.valueFormat.delimiter : undefined);
  if (props.valueDelimiter !== undefined && valueName !== 'DELIMITED') {
    throw bindError(`VALUE_DELIMITER is only valid with VALUE_FORMAT='DELIMITED'`);
  }
  return {
    keyFormat: {
      format: keyName,
      ...(keyDelimiter !== undefined && keyName === 'DELIMITED' ? { delimiter: keyDelimiter } : {}),
    },
    valueFormat: {
      format: valueName,
      ...(valueDelimiter !== undefined && valueName === 'DELIMITED' ? { delimiter: valueDelimiter } : {}),
    },
    keyFeatures: {},
    // WRAP_SINGLE_VALUE is never inherited from a query's source, as in ksqlDB.
    valueFeatures: props.wrapSingleValue !== undefined ? { wrapSingleValues: props.wrapSingleValue } : {},
  };
}

/** Formats whose single-column values may be written bare (`WRAP_SINGLE_VALUE=false`). */
const WRAPPABLE: readonly FormatName[] = ['JSON', 'AVRO', 'PROTOBUF', 'JSON_SR', 'PROTOBUF_NOSR'];

/**
 * `ksql.persistence.wrap.single.values` decides whether a single value column is wrapped in an
 * object when the statement does not say (sources and sinks alike; ksqlDB's default is to wrap).
 */
export function withSessionWrapping(
  formats: ResolvedFormats,
  value: readonly Column[],
  session: Session,
): ResolvedFormats {
  const configured = session.properties['ksql.persistence.wrap.single.values']?.trim().toLowerCase();
  if (configured !== 'true' && configured !== 'false') return formats;
  if (formats.valueFeatures.wrapSingleValues !== undefined) return formats;
  if (!WRAPPABLE.includes(formats.valueFormat.format)) return formats;
  if (value.filter((c) => !c.header).length !== 1) return formats;
  return { ...formats, valueFeatures: { ...formats.valueFeatures, wrapSingleValues: configured === 'true' } };
}

function containsMap(t: SqlType): boolean {
  switch (t.kind) {
    case 'MAP':
      return true;
    case 'ARRAY':
      return containsMap(t.element);
    case 'STRUCT':
      return t.fields.some((f) => containsMap(f.type));
    default:
      return false;
  }
}

function topLevelUnsupported(t: SqlType, allowed: readonly SqlType['kind'][]): string | undefined {
  return allowed.includes(t.kind) ? undefined : t.kind;
}

/** Rejects schemas a format cannot carry, with ksqlDB's messages. */
export function checkFormatSupport(
  formats: ResolvedFormats,
  key: readonly Column[],
  value: readonly Column[],
): void {
  for (const c of key) {
    if (containsMap(c.type)) {
      throw bindError(
        `Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to inconsistent serialization. Key column name: ${quoteName(c.name)}. Column type: ${formatType(c.type)}. See https://github.com/confluentinc/ksql/issues/6621 for more.`,
      );
    }
  }
  withContext('Key', formats.keyFormat.format, key, () => checkOne(formats.keyFormat.format, key, 'key'));
  const data = value.filter((c) => !c.header);
  withContext('Value', formats.valueFormat.format, data, () =>
    checkOne(formats.valueFormat.format, data, 'value'),
  );
  const valueColumns = value.filter((c) => !c.header);
  if (formats.valueFeatures.wrapSingleValues !== undefined && valueColumns.length !== 1) {
    throw bindError("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
  }
  if (formats.valueFeatures.wrapSingleValues === true && formats.valueFormat.format === 'KAFKA') {
    throw bindError("Format 'KAFKA' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
  }
}

/** ksqlDB's wording: `Key format does not support schema.\nformat: …\nschema: Persistence{…}\nreason: …`. */
function withContext(
  which: 'Key' | 'Value',
  format: FormatName,
  columns: readonly Column[],
  check: () => void,
): void {
  try {
    check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const cols = columns
      .map((c) => `${quoteName(c.name)} ${formatType(c.type)}${which === 'Key' ? ' KEY' : ''}`)
      .join(', ');
    throw bindError(
      `${which} format does not support schema.\nformat: ${format}\nschema: Persistence{columns=[${cols}], features=[]}\nreason: ${reason}`,
    );
  }
}

function checkOne(format: FormatName, columns: readonly Column[], which: 'key' | 'value'): void {
  switch (format) {
    case 'KAFKA': {
      if (columns.length > 1) {
        throw bindError(
          `The 'KAFKA' format only supports a single field. Got: [${columns.map((c) => `${quoteName(c.name)} ${formatType(c.type)}${which === 'key' ? ' KEY' : ''}`).join(', ')}]`,
        );
      }
      const c = columns[0];
      const bad = c && topLevelUnsupported(c.type, ['INTEGER', 'BIGINT', 'DOUBLE', 'STRING', 'BYTES']);
      if (bad) throw bindError(`The 'KAFKA' format does not support type '${bad}'`);
      return;
    }
    case 'DELIMITED':
      for (const c of columns) {
        const bad = topLevelUnsupported(c.type, [
          'BOOLEAN',
          'INTEGER',
          'BIGINT',
          'DOUBLE',
          'DECIMAL',
          'STRING',
          'BYTES',
          'TIMESTAMP',
          'DATE',
          'TIME',
        ]);
        if (bad)
          throw bindError(
            `The 'DELIMITED' format does not support type '${bad}', column: ${quoteName(c.name)}`,
          );
      }
      return;
    case 'NONE':
      if (columns.length > 0) {
        throw bindError(
          `The 'NONE' format can only be used when no columns are defined. Got: [${columns.map((c) => `${quoteName(c.name)} ${formatType(c.type)}`).join(', ')}]`,
        );
      }
      return;
    case 'JSON':
      for (const c of columns) {
        if (hasNonStringMapKey(c.type)) throw bindError('JSON only supports MAP types with STRING keys');
      }
      return;
    default:
      return;
  }
}

function hasNonStringMapKey(t: SqlType): boolean {
  switch (t.kind) {
    case 'MAP':
      return t.key.kind !== 'STRING' || hasNonStringMapKey(t.value);
    case 'ARRAY':
      return hasNonStringMapKey(t.element);
    case 'STRUCT':
      return t.fields.some((f) => hasNonStringMapKey(f.type));
    default:
      return false;
  }
}
