import type { Span } from '../../lib/contracts/span';

/** Offset → 1-based line/column for one text, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  span(start: number, end: number): Span {
    const s = this.position(start);
    const e = this.position(end);
    return { start, end, startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  }
}
