import { z } from 'zod';
import { CompletionItemSchema, DiagnosticSchema } from './diagnostics';

/** The editor asks for diagnostics of a whole script; nothing runs. */
export const DiagnoseRequestSchema = z.object({
  text: z.string().max(1_000_000),
  variables: z.record(z.string(), z.string()).default({}),
});
export type DiagnoseRequest = z.infer<typeof DiagnoseRequestSchema>;

export const DiagnoseResponseSchema = z.object({ diagnostics: z.array(DiagnosticSchema) });
export type DiagnoseResponse = z.infer<typeof DiagnoseResponseSchema>;

export const CompleteRequestSchema = z.object({
  text: z.string().max(1_000_000),
  offset: z.number().int().nonnegative(),
});
export type CompleteRequest = z.infer<typeof CompleteRequestSchema>;

export const CompleteResponseSchema = z.object({ items: z.array(CompletionItemSchema) });
export type CompleteResponse = z.infer<typeof CompleteResponseSchema>;

/** Canonical formatting of a script. */
export const FormatRequestSchema = z.object({ text: z.string().max(1_000_000) });
export const FormatResponseSchema = z.object({
  text: z.string().nullable(),
  diagnostics: z.array(DiagnosticSchema),
});
export type FormatResponse = z.infer<typeof FormatResponseSchema>;
