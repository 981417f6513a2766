import { z } from 'zod';
import { SpanSchema } from './span';

/**
 * A problem found in the user's SQL, with where it is. Produced by the parser and the binder,
 * carried by REST errors and socket events, and shown by the editor as a marker.
 */
export const DiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** ksqlDB-style error code, e.g. 40001 for a statement the engine cannot accept. */
  code: z.number().int().optional(),
  span: SpanSchema,
  /** Edits that fix the problem when the fix is clear (e.g. append EMIT CHANGES). */
  fixes: z
    .array(
      z.object({
        title: z.string(),
        edits: z.array(z.object({ span: SpanSchema, text: z.string() })),
      }),
    )
    .optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** An item offered by completion at a cursor position. */
export const CompletionItemSchema = z.object({
  label: z.string(),
  kind: z.enum([
    'keyword',
    'stream',
    'table',
    'column',
    'function',
    'property',
    'value',
    'type',
    'variable',
    'snippet',
  ]),
  /** Text to insert; defaults to `label`. */
  insertText: z.string().optional(),
  /** e.g. a column's type, a function's signature, a property's allowed values. */
  detail: z.string().optional(),
  documentation: z.string().optional(),
  /** Lower sorts first. */
  sortOrder: z.number().int().optional(),
});
export type CompletionItem = z.infer<typeof CompletionItemSchema>;
