export interface SchemaColumn {
  readonly name: string;
  /** ksqlDB's type text, e.g. `DECIMAL(4, 2)` or ``STRUCT<`A` INTEGER>``. */
  readonly type: string;
  readonly key: boolean;
}

/**
 * Reads the `schema` string of a /query header (``"`ID` STRING KEY, `COUNT` BIGINT"``) into
 * columns, as ksqlDB's Java client does: commas split columns only outside `<>`, `()` and quotes.
 */
export function parseSchemaString(schema: string): SchemaColumn[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < schema.length; i++) {
    const c = schema[i];
    if (c === '`') {
      if (quoted && schema[i + 1] === '`') i++;
      else quoted = !quoted;
    } else if (!quoted && (c === '<' || c === '(')) depth++;
    else if (!quoted && (c === '>' || c === ')')) depth--;
    else if (!quoted && depth === 0 && c === ',') {
      parts.push(schema.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(schema.slice(start));
  return parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map(parseColumn);
}

function parseColumn(text: string): SchemaColumn {
  let name: string;
  let rest: string;
  if (text.startsWith('`')) {
    let i = 1;
    let out = '';
    while (i < text.length) {
      if (text[i] === '`') {
        if (text[i + 1] === '`') {
          out += '`';
          i += 2;
          continue;
        }
        break;
      }
      out += text[i];
      i++;
    }
    name = out;
    rest = text.slice(i + 1).trim();
  } else {
    const space = text.indexOf(' ');
    name = space < 0 ? text : text.slice(0, space);
    rest = space < 0 ? '' : text.slice(space + 1).trim();
  }
  const key = /\s+(PRIMARY\s+)?KEY$/i.exec(rest);
  return { name, type: key ? rest.slice(0, key.index).trim() : rest, key: key !== null };
}
