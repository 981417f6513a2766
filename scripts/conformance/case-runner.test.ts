import { describe, expect, it } from 'vitest';
import { WorkerPool } from './case-runner';
import { expandCase } from './expand';

const cases = expandCase('f.json', { name: 'c', statements: [], format: ['A', 'B', 'C', 'D'] }, 0);
const entry = new URL('./fixtures/scripted-worker.ts', import.meta.url).href;

describe('WorkerPool', () => {
  it('stops a case stuck in a synchronous loop, replaces its worker and goes on', async () => {
    const pool = new WorkerPool(1, 'driver', 500, entry);
    try {
      const outcomes = await Promise.all(cases.map((c) => pool.run('f.json', c)));
      expect(outcomes.map((o) => (o.status === 'failed' ? o.kind : o.status))).toEqual([
        'passed',
        'timeout',
        'runner error',
        'passed',
      ]);
    } finally {
      await pool.close();
    }
  }, 20_000);
});
