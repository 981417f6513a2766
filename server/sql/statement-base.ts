import type { Statement } from './ast-statement';
import type { Parser } from './parser';
import type { Token } from './token';

type WithoutBase<T> = T extends Statement ? Omit<T, 'text' | 'span'> : never;

/** Adds `text` and `span` (from `first` to the last consumed token) to a statement body. */
export function base<T extends WithoutBase<Statement>>(
  p: Parser,
  first: Token,
  body: T,
): T & { text: string; span: Statement['span'] } {
  return { ...body, text: p.textFrom(first), span: p.spanFrom(first) };
}
