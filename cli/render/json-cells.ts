/**
 * Splits the JSON text of a result row (`["a",1.10,{"X":1}]`) into display cells without going
 * through JSON.parse for numbers, so DECIMAL digits print exactly as the server sent them.
 */
export function rowCells(raw: string): string[] {
  const text = raw.trim();
  if (!text.startsWith('[')) return [text];
  const cells: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 1;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if ((c === ',' && depth === 0) || (c === ']' && depth === 0)) {
      const cell = text.slice(start, i).trim();
      if (cell.length > 0 || c === ',') cells.push(displayCell(cell));
      start = i + 1;
      if (c === ']') break;
    }
  }
  return cells;
}

/** Strings without quotes, everything else (numbers, null, nested values) as the JSON text. */
export function displayCell(json: string): string {
  if (json.startsWith('"')) {
    try {
      return String(JSON.parse(json));
    } catch {
      return json;
    }
  }
  return json;
}

/** A parsed JSON value for display (entities, where exact digits were not at stake). */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
