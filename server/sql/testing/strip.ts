/**
 * Test support: a copy of a syntax tree without source positions or source text, for comparing
 * trees parsed from different text (e.g. a statement and its formatted form).
 */
export function stripPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripPositions);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const isIdentifier = (node as { kind?: unknown }).kind === 'Identifier';
  for (const [k, v] of Object.entries(node)) {
    if (k === 'span' || (k === 'text' && (isIdentifier || typeof v === 'string'))) continue;
    out[k] = stripPositions(v);
  }
  return out;
}
