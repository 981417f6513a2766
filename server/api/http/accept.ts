/**
 * Picks the response media type from an `Accept` header, as Vert.x's `produces` routing does for
 * ksqlDB: the first acceptable supported type by quality, `*\/*` (or no header) means the default,
 * and `undefined` means nothing acceptable (406).
 */
export function negotiate(
  accept: string | undefined,
  supported: readonly string[],
  fallback: string,
): string | undefined {
  if (accept === undefined || accept.trim() === '') return fallback;
  const ranges = accept
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { type, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.type.length > 0 && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    if (range.type === '*/*') return fallback;
    const exact = supported.find((s) => s === range.type);
    if (exact !== undefined) return exact;
    if (range.type.endsWith('/*')) {
      const prefix = range.type.slice(0, -1);
      if (fallback.startsWith(prefix)) return fallback;
      const match = supported.find((s) => s.startsWith(prefix));
      if (match !== undefined) return match;
    }
  }
  return undefined;
}
