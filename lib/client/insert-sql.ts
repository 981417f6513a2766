import type { TypeTree } from './ksql-type';

/**
 * Values as the insert form edits them, turned into KSQL literals for `INSERT INTO … VALUES`.
 * Form values are strings for scalars (what inputs hold), arrays for ARRAY, [key, value] pairs for
 * MAP and objects for STRUCT; `null` is SQL NULL.
 */
export type FormValue =
  string | boolean | null | FormValue[] | [FormValue, FormValue][] | { [field: string]: FormValue };

export class InsertValueError extends Error {}

function quoteString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export function quoteIdentifier(name: string): string {
  return /^[A-Z_][A-Z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

function numberLiteral(text: string, integer: boolean, column: string): string {
  const t = text.trim();
  const ok = integer ? /^[+-]?\d+$/.test(t) : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t);
  if (!ok)
    throw new InsertValueError(`${column}: "${text}" is not ${integer ? 'a whole number' : 'a number'}.`);
  return t;
}

/** The KSQL literal for one value of `type`; throws InsertValueError naming the column for bad input. */
export function literal(value: FormValue, type: TypeTree, column: string): string {
  if (value === null) return 'NULL';
  switch (type.kind) {
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
        return value.trim().toUpperCase();
      throw new InsertValueError(`${column}: expected true or false.`);
    case 'INTEGER':
    case 'BIGINT':
      if (typeof value !== 'string' || value.trim() === '') return 'NULL';
      return numberLiteral(value, true, column);
    case 'DOUBLE':
    case 'DECIMAL':
      if (typeof value !== 'string' || value.trim() === '') return 'NULL';
      return numberLiteral(value, false, column);
    case 'ARRAY': {
      if (!Array.isArray(value)) throw new InsertValueError(`${column}: expected a list.`);
      return `ARRAY[${(value as FormValue[]).map((v, i) => literal(v, type.element, `${column}[${i + 1}]`)).join(', ')}]`;
    }
    case 'MAP': {
      if (!Array.isArray(value)) throw new InsertValueError(`${column}: expected key/value pairs.`);
      const pairs = (value as [FormValue, FormValue][]).map(
        ([k, v]) =>
          `${literal(k, type.key, `${column} key`)} := ${literal(v, type.value, `${column} value`)}`,
      );
      return `MAP(${pairs.join(', ')})`;
    }
    case 'STRUCT': {
      if (typeof value !== 'object' || Array.isArray(value))
        throw new InsertValueError(`${column}: expected fields.`);
      const fields = type.fields.map(
        (f) =>
          `${quoteIdentifier(f.name)} := ${literal(value[f.name] ?? null, f.type, `${column}.${f.name}`)}`,
      );
      return `STRUCT(${fields.join(', ')})`;
    }
    default:
      // STRING, BYTES (base64 text), TIMESTAMP/DATE/TIME (ISO text the engine coerces), unknown types.
      if (typeof value !== 'string') throw new InsertValueError(`${column}: expected text.`);
      return quoteString(value);
  }
}

export interface InsertColumn {
  readonly name: string;
  readonly type: TypeTree;
}

/**
 * `INSERT INTO target (cols…) VALUES (literals…);` for the columns that have a value. An empty
 * top-level field is left out, so the column is NULL (an empty string inside a struct or list stays '').
 */
export function insertStatement(
  target: string,
  columns: readonly InsertColumn[],
  values: Readonly<Record<string, FormValue | undefined>>,
): string {
  const present = columns.filter((c) => values[c.name] !== undefined && values[c.name] !== '');
  if (present.length === 0) throw new InsertValueError('Give at least one column a value.');
  const names = present.map((c) => quoteIdentifier(c.name)).join(', ');
  const literals = present.map((c) => literal(values[c.name] ?? null, c.type, c.name)).join(', ');
  return `INSERT INTO ${quoteIdentifier(target)} (${names}) VALUES (${literals});`;
}

/** A starting form value for a type (empty text, an empty list, the struct's fields…). */
export function emptyValue(type: TypeTree): FormValue {
  switch (type.kind) {
    case 'BOOLEAN':
      return false;
    case 'ARRAY':
    case 'MAP':
      return [];
    case 'STRUCT':
      return Object.fromEntries(type.fields.map((f) => [f.name, emptyValue(f.type)]));
    default:
      return '';
  }
}
