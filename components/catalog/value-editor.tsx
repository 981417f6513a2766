'use client';

import type { FormValue } from '../../lib/client/insert-sql';
import { emptyValue } from '../../lib/client/insert-sql';
import type { TypeTree } from '../../lib/client/ksql-type';
import styles from './catalog.module.css';

const INPUT_TYPE: Partial<Record<TypeTree['kind'], string>> = {
  INTEGER: 'number',
  BIGINT: 'number',
  DOUBLE: 'number',
  DECIMAL: 'text',
  DATE: 'date',
  TIME: 'time',
  TIMESTAMP: 'datetime-local',
};

function typeLabel(t: TypeTree): string {
  switch (t.kind) {
    case 'ARRAY':
      return `ARRAY<${typeLabel(t.element)}>`;
    case 'MAP':
      return `MAP<${typeLabel(t.key)}, ${typeLabel(t.value)}>`;
    case 'STRUCT':
      return 'STRUCT';
    case 'DECIMAL':
      return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'UNKNOWN':
      return t.text;
    default:
      return t.kind;
  }
}

/** An input for one value of a SQL type: typed scalars, list editors for ARRAY/MAP, nested fields for STRUCT. */
export function ValueEditor({
  type,
  value,
  onChange,
  label,
  testid,
}: {
  type: TypeTree;
  value: FormValue;
  onChange: (v: FormValue) => void;
  label: string;
  testid: string;
}) {
  if (type.kind === 'BOOLEAN')
    return (
      <input
        type="checkbox"
        checked={value === true}
        onChange={(e) => onChange(e.target.checked)}
        aria-label={label}
        data-testid={testid}
      />
    );
  if (type.kind === 'ARRAY' || type.kind === 'MAP') {
    const items = Array.isArray(value) ? (value as FormValue[]) : [];
    const blank: FormValue =
      type.kind === 'ARRAY' ? emptyValue(type.element) : [emptyValue(type.key), emptyValue(type.value)];
    return (
      <div className={styles.nestedEditor} role="group" aria-label={label}>
        {items.map((item, i) => (
          <div key={i} className={styles.nestedRow}>
            {type.kind === 'ARRAY' ? (
              <ValueEditor
                type={type.element}
                value={item}
                onChange={(v) => onChange(items.map((x, j) => (j === i ? v : x)))}
                label={`${label} item ${i + 1}`}
                testid={`${testid}-${i}`}
              />
            ) : (
              <>
                <ValueEditor
                  type={type.key}
                  value={(item as FormValue[])[0] ?? ''}
                  onChange={(v) =>
                    onChange(items.map((x, j) => (j === i ? [v, (x as FormValue[])[1] ?? ''] : x)))
                  }
                  label={`${label} key ${i + 1}`}
                  testid={`${testid}-${i}-key`}
                />
                <span aria-hidden>:=</span>
                <ValueEditor
                  type={type.value}
                  value={(item as FormValue[])[1] ?? ''}
                  onChange={(v) =>
                    onChange(items.map((x, j) => (j === i ? [(x as FormValue[])[0] ?? '', v] : x)))
                  }
                  label={`${label} value ${i + 1}`}
                  testid={`${testid}-${i}-value`}
                />
              </>
            )}
            <button
              type="button"
              onClick={() => onChange(items.filter((_, j) => j !== i))}
              data-testid={`${testid}-${i}-remove`}
              aria-label={`Remove ${label} item ${i + 1}`}
            >
              −
            </button>
          </div>
        ))}
        <button type="button" onClick={() => onChange([...items, blank])} data-testid={`${testid}-add`}>
          + {type.kind === 'ARRAY' ? 'item' : 'entry'}
        </button>
      </div>
    );
  }
  if (type.kind === 'STRUCT') {
    const fields = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
    return (
      <fieldset className={styles.nestedEditor} aria-label={label}>
        {type.fields.map((f) => (
          <label key={f.name} className={styles.formRow}>
            <span>
              {f.name} <span className={styles.type}>{typeLabel(f.type)}</span>
            </span>
            <ValueEditor
              type={f.type}
              value={fields[f.name] ?? emptyValue(f.type)}
              onChange={(v) => onChange({ ...fields, [f.name]: v })}
              label={`${label}.${f.name}`}
              testid={`${testid}-${f.name}`}
            />
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <input
      type={INPUT_TYPE[type.kind] ?? 'text'}
      step={
        type.kind === 'DOUBLE'
          ? 'any'
          : type.kind === 'TIMESTAMP' || type.kind === 'TIME'
            ? '0.001'
            : undefined
      }
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      placeholder={type.kind === 'BYTES' ? 'base64' : typeLabel(type)}
      aria-label={label}
      data-testid={testid}
    />
  );
}

export { typeLabel };
