import type { AnyRequest } from '../http/dual-server';

export type Line = { readonly kind: 'line'; readonly text: string } | { readonly kind: 'too-long' };

/**
 * Newline-delimited lines of a streaming request body, read as the consumer asks for them (so
 * awaiting between lines applies backpressure to the client). A line longer than `maxLineBytes`
 * ends the stream with `too-long` instead of growing a buffer without bound.
 */
export async function* readLines(req: AnyRequest, maxLineBytes: number): AsyncGenerator<Line> {
  let pending = '';
  const decoder = new TextDecoder();
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      const text = pending.slice(0, nl).replace(/\r$/, '');
      pending = pending.slice(nl + 1);
      // A whole line may arrive in one chunk: its size is checked too, not only what is pending.
      if (Buffer.byteLength(text) > maxLineBytes) {
        yield { kind: 'too-long' };
        return;
      }
      if (text.trim().length > 0) yield { kind: 'line', text };
      nl = pending.indexOf('\n');
    }
    if (pending.length > maxLineBytes) {
      yield { kind: 'too-long' };
      return;
    }
  }
  pending += decoder.decode();
  if (Buffer.byteLength(pending) > maxLineBytes) yield { kind: 'too-long' };
  else if (pending.trim().length > 0) yield { kind: 'line', text: pending };
}
