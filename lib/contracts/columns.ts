import { z } from 'zod';

/** A result or source column as the API describes it. `type` is ksqlDB's text form, e.g. `ARRAY<STRING>`. */
export const ColumnInfoSchema = z.object({
  name: z.string(),
  type: z.string(),
  /** Part of the Kafka record key (stream KEY or table PRIMARY KEY). */
  key: z.boolean().optional(),
  /** ROWTIME, ROWPARTITION, ROWOFFSET, WINDOWSTART, WINDOWEND. */
  pseudo: z.boolean().optional(),
  /** HEADERS or HEADER('k') column. */
  header: z.string().optional(),
});
export type ColumnInfo = z.infer<typeof ColumnInfoSchema>;
