/**
 * Renders the tables of bench/RESULTS.md from one results JSON, optionally taking some stages
 * from a second run (`--stages-from other.json latency,socket,browser`), and prints markdown.
 * Usage: npx tsx bench/report/compose-results.ts bench/out/a.json [--stages-from b.json latency,socket]
 */
import fs from 'node:fs';
import { renderMarkdown } from './markdown';
import type { BenchResults } from './results';

const [base, flag, other, list] = process.argv.slice(2);
if (!base) throw new Error('usage: compose-results <results.json> [--stages-from <other.json> <stage,…>]');
const results = JSON.parse(fs.readFileSync(base, 'utf8')) as BenchResults;
if (flag === '--stages-from' && other && list) {
  const extra = JSON.parse(fs.readFileSync(other, 'utf8')) as BenchResults;
  for (const stage of list.split(',')) {
    if (stage === 'latency') results.latency = extra.latency;
    else if (stage === 'socket') results.socket = extra.socket;
    else if (stage === 'browser') results.browser = extra.browser;
    else throw new Error(`cannot take stage ${stage}`);
  }
}
console.log(renderMarkdown(results));
