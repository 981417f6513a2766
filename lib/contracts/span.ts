import { z } from 'zod';

/**
 * A range of SQL text. Offsets are UTF-16 code-unit indexes into the statement or script text
 * (what JavaScript strings and Monaco use); lines and columns are 1-based, as editors show them.
 * `end` is exclusive.
 */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  startLine: z.number().int().positive(),
  startColumn: z.number().int().positive(),
  endLine: z.number().int().positive(),
  endColumn: z.number().int().positive(),
});
export type Span = z.infer<typeof SpanSchema>;
