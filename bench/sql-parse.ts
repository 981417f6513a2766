/**
 * SQL front-end throughput over ksqlDB's QTT statements (read from ../shared/ksqldb-qtt, or
 * KAPPA_QTT_DIR) plus Kappa's own examples. One core, no I/O inside the timed loops.
 * Run: npx tsx bench/sql-parse.ts
 */
import { lex } from '../server/sql/lexer';
import { formatStatement } from '../server/sql/format-statement';
import { parseScript } from '../server/sql/script';
import { EXAMPLES } from '../server/sql/testing/examples';
import { loadCorpus } from '../server/sql/testing/qtt-corpus';

const statements = [...loadCorpus().map((c) => c.sql), ...EXAMPLES];
const script = statements.join(';\n');
const bytes = Buffer.byteLength(script, 'utf8');

function measure(name: string, minMs: number, run: () => void): void {
  for (let i = 0; i < 5; i++) run();
  let rounds = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    run();
    rounds++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  const mbPerSec = (bytes * rounds) / 1e6 / (elapsed / 1000);
  console.log(
    `${name.padEnd(34)} ${mbPerSec.toFixed(2).padStart(7)} MB/s  (${(elapsed / rounds).toFixed(1)} ms per pass)`,
  );
}

console.log(`corpus: ${statements.length} statements, ${(bytes / 1024).toFixed(0)} KiB`);
measure('lex (whole script)', 2000, () => void lex(script));
measure('parseScript (whole script)', 3000, () => {
  const r = parseScript(script);
  if (r.diagnostics.length > 0) throw new Error(r.diagnostics[0]?.message);
});
measure('parseScript (one call per statement)', 3000, () => {
  for (const s of statements) parseScript(s);
});
const parsed = parseScript(script).statements;
measure('formatStatement (all statements)', 2000, () => {
  for (const s of parsed) formatStatement(s);
});
