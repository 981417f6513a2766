import type { QueryEvent } from '../lib/client/rest-client';
import type { SchemaColumn } from '../lib/sql/schema-string';
import { renderError } from './render/error';
import { rowCells } from './render/json-cells';
import { boxRow, boxRule, boxTable, streamWidths } from './render/table';
import type { Output } from './session';

/**
 * Prints one query's events as they arrive. TABULAR: push queries stream boxed rows under a fixed
 * header; pull results are collected and printed as one fitted table; PRINT lines pass through.
 * JSON: one JSON value per line (header, rows with their exact text, final message).
 */
export class QueryPrinter {
  private columns: SchemaColumn[] = [];
  private widths: number[] = [];
  private readonly pulled: string[][] = [];
  private printedText = false;

  constructor(
    private readonly output: Output,
    private readonly json: boolean,
    private readonly streaming: boolean,
    private readonly submitted: string,
  ) {}

  event(e: QueryEvent): void {
    switch (e.kind) {
      case 'header':
        this.columns = e.columns;
        if (this.json)
          this.output.out(JSON.stringify({ header: { queryId: e.queryId, columns: e.columns } }));
        else if (this.streaming) {
          this.widths = streamWidths(this.names(), this.output.columns);
          this.output.out(
            [boxRule(this.widths), boxRow(this.widths, this.names()), boxRule(this.widths)].join('\n'),
          );
        }
        return;
      case 'row': {
        if (this.json) {
          this.output.out(`{"row":{"columns":${e.raw}${e.tombstone ? ',"tombstone":true' : ''}}}`);
          return;
        }
        // A tombstone carries its key; the rest of it is null and shown as deleted.
        const cells = rowCells(e.raw).map((c) => (e.tombstone && c === 'null' ? '<TOMBSTONE>' : c));
        if (this.streaming) this.output.out(boxRow(this.widths, cells));
        else this.pulled.push(cells);
        return;
      }
      case 'final':
        this.flushPull();
        this.closeBox();
        if (this.json) this.output.out(JSON.stringify({ finalMessage: e.message }));
        else if (e.message !== 'Query Completed') this.output.out(e.message);
        return;
      case 'error':
        this.flushPull();
        this.closeBox();
        this.output.err(renderError(e.error, this.submitted));
        return;
      case 'text':
        this.printedText = true;
        this.output.out(e.line);
        return;
    }
  }

  /** After the stream ends (normally or by Ctrl-C). */
  end(): void {
    this.flushPull();
    if (this.json) return;
    this.closeBox();
    this.output.out(this.printedText ? 'Topic printing ceased' : 'Query terminated');
  }

  private closeBox(): void {
    if (this.json || !this.streaming || this.widths.length === 0) return;
    this.output.out(boxRule(this.widths));
    this.widths = [];
  }

  private flushPull(): void {
    if (this.json || this.streaming || this.columns.length === 0) return;
    this.output.out(boxTable(this.names(), this.pulled.splice(0)));
    this.columns = [];
  }

  private names(): string[] {
    return this.columns.map((c) => c.name);
  }
}
