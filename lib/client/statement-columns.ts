/**
 * Column names a statement can mean: those of the streams and tables it names, or of every source
 * when it names none (a misspelled column is then looked up everywhere).
 */
export function statementColumns(
  statement: string,
  sources: readonly { name: string; columns: readonly { name: string }[] }[],
): string[] {
  const words = new Set(statement.toUpperCase().match(/[A-Z_][A-Z0-9_]*/g) ?? []);
  const named = sources.filter((s) => words.has(s.name.toUpperCase()));
  return [...new Set((named.length > 0 ? named : sources).flatMap((s) => s.columns.map((c) => c.name)))];
}
