/** B6: each query's operators in-process (one child per query, repetitions inside it). */
import type { QueryId } from '../workloads/sql';
import { runChild } from './child';

export interface InProcRow {
  readonly id: QueryId;
  readonly eventsPerSec?: number;
  readonly cpuUsPerEvent?: number;
  readonly rates?: readonly number[];
  readonly rowsOut?: number;
  readonly errors?: number;
  readonly peakRssMb?: number;
  readonly error?: string;
}

export async function runInProcess(
  ids: readonly QueryId[],
  o: { events: number; seed: number; eventRate: number; repetitions: number; log: (l: string) => void },
): Promise<InProcRow[]> {
  const rows: InProcRow[] = [];
  for (const id of ids) {
    const outcome = await runChild(
      {
        kind: 'inproc',
        query: id,
        events: o.events,
        seed: o.seed,
        eventsPerSecond: o.eventRate,
        repetitions: o.repetitions,
      },
      { timeoutMs: 300_000 },
    );
    const extra = outcome.result?.extra as
      | { rates: number[]; medianRate: number; medianCpuUsPerEvent: number; rowsOut: number; errors: number }
      | undefined;
    const row: InProcRow = extra
      ? {
          id,
          eventsPerSec: extra.medianRate,
          cpuUsPerEvent: extra.medianCpuUsPerEvent,
          rates: extra.rates,
          rowsOut: extra.rowsOut,
          errors: extra.errors,
          peakRssMb: outcome.result!.peakRssMb,
        }
      : { id, error: outcome.error ?? 'no result' };
    rows.push(row);
    o.log(
      row.error
        ? `  B6 ${id}: FAILED ${row.error}`
        : `  B6 ${id}: ${Math.round(row.eventsPerSec!)} ev/s, ${row.cpuUsPerEvent!.toFixed(2)} µs CPU/ev, ${row.rowsOut} rows out`,
    );
  }
  return rows;
}
