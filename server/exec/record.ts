/**
 * A record flowing between operators. `row` is laid out by the producing node's columns. For table
 * changelogs, `tombstone` marks a delete of the row's key (only key columns are meaningful then),
 * and `old` carries the key's previous row when the producer knows it (needed to retract it from
 * aggregates and to re-key table changes).
 */
export interface Rec {
  readonly row: unknown[];
  /** Event time (ROWTIME), epoch ms. */
  readonly ts: number;
  readonly tombstone: boolean;
  readonly old?: unknown[] | null;
  /** Where the input record came from (ROWPARTITION, ROWOFFSET, offset tracking). */
  readonly partition: number;
  readonly offset: number;
  /** The input record's headers; Kafka Streams forwards them to what the record produces. */
  readonly headers?: Readonly<Record<string, unknown>>;
}

export function recordWith(rec: Rec, row: unknown[], extra: Partial<Rec> = {}): Rec {
  return {
    row,
    ts: rec.ts,
    tombstone: rec.tombstone,
    partition: rec.partition,
    offset: rec.offset,
    ...(rec.headers ? { headers: rec.headers } : {}),
    ...extra,
  };
}
