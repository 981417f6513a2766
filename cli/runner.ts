import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RestClientError } from '../lib/client/rest-client';
import type { RestError } from '../lib/contracts/rest';
import { splitSql, type SplitStatement } from '../lib/sql/split';
import { QueryPrinter } from './query-printer';
import { renderEntity } from './render/entities';
import { renderError } from './render/error';
import type { CliSession, Output } from './session';
import { classify, type LocalStatement } from './statements';

const MAX_SCRIPT_DEPTH = 10;

/**
 * Runs statements the way the ksql CLI does: consecutive non-query statements go to /ksql in one
 * request, SELECT/PRINT stream from /query, SET/UNSET/DEFINE/UNDEFINE/RUN SCRIPT are handled
 * here. Stops at the first error. A running query can be cancelled (Ctrl-C) without leaving.
 */
export class StatementRunner {
  private running: AbortController | undefined;

  constructor(
    private readonly session: CliSession,
    private readonly output: Output,
  ) {}

  /** Runs SQL text (one or more `;`-terminated statements); false when a statement failed. */
  async runText(text: string, depth = 0): Promise<boolean> {
    const { statements, rest } = splitSql(text);
    const all: SplitStatement[] = rest.trim()
      ? [...statements, { text: rest.trim(), start: 0 }]
      : [...statements];
    return this.run(all, depth);
  }

  async run(statements: readonly SplitStatement[], depth = 0): Promise<boolean> {
    let batch: string[] = [];
    const flush = async (): Promise<boolean> => {
      if (batch.length === 0) return true;
      const sql = batch.map((s) => `${s};`).join('\n');
      batch = [];
      return this.ksql(sql);
    };
    for (const statement of statements) {
      const classified = classify(statement.text);
      if (classified.kind === 'statement') {
        batch.push(statement.text);
        continue;
      }
      if (!(await flush())) return false;
      const ok =
        classified.kind === 'query'
          ? await this.query(statement.text)
          : await this.local(classified.statement, depth);
      if (!ok) return false;
    }
    return flush();
  }

  /** Ctrl-C: stops the running query, if any; true when there was one. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }

  private async ksql(sql: string): Promise<boolean> {
    try {
      const entities = await this.session.client.ksql(sql, this.session.requestOptions());
      this.session.observe(entities);
      for (const entity of entities) {
        this.output.out(
          this.session.output === 'JSON' ? JSON.stringify(entity, null, 2) : renderEntity(entity),
        );
      }
      return true;
    } catch (error) {
      return this.fail(error, sql);
    }
  }

  private async query(statement: string): Promise<boolean> {
    const sql = `${statement};`;
    const controller = new AbortController();
    this.running = controller;
    const streaming = /\bEMIT\s+(CHANGES|FINAL)\b/i.test(statement) || /^\s*PRINT\b/i.test(statement);
    const printer = new QueryPrinter(this.output, this.session.output === 'JSON', streaming, sql);
    let ok = true;
    try {
      if (streaming && this.output.interactive) this.output.out('Press CTRL-C to interrupt');
      for await (const event of this.session.client.query(
        sql,
        this.session.requestOptions(controller.signal),
      )) {
        printer.event(event);
        if (event.kind === 'error') ok = false;
      }
      printer.end();
    } catch (error) {
      if (!controller.signal.aborted) return this.fail(error, sql);
      printer.end();
    } finally {
      this.running = undefined;
    }
    return ok;
  }

  private async local(statement: LocalStatement, depth: number): Promise<boolean> {
    const s = this.session;
    switch (statement.kind) {
      case 'set': {
        try {
          if (!(await s.client.isValidProperty(statement.name))) {
            this.output.err(
              `Not recognizable as ksql, streams, consumer, or producer property: '${statement.name}'`,
            );
            return false;
          }
        } catch (error) {
          return this.fail(error);
        }
        const old = s.properties[statement.name];
        s.properties[statement.name] = statement.value;
        this.output.out(
          `Successfully changed local property '${statement.name}'${old !== undefined ? ` from '${old}'` : ''} to '${statement.value}'.` +
            (old === undefined ? ' Use the UNSET command to revert your change.' : ''),
        );
        return true;
      }
      case 'unset': {
        const old = s.properties[statement.name];
        if (old === undefined) {
          this.output.err(`Cannot unset property '${statement.name}' which was never set`);
          return false;
        }
        delete s.properties[statement.name];
        this.output.out(`Successfully unset local property '${statement.name}' (value was '${old}').`);
        return true;
      }
      case 'define':
        for (const k of Object.keys(s.variables))
          if (k.toLowerCase() === statement.name.toLowerCase()) delete s.variables[k];
        s.variables[statement.name] = statement.value;
        return true;
      case 'undefine': {
        const key = Object.keys(s.variables).find((k) => k.toLowerCase() === statement.name.toLowerCase());
        if (key === undefined)
          this.output.out(`Cannot undefine variable '${statement.name}' which was never defined`);
        else delete s.variables[key];
        return true;
      }
      case 'run-script':
        return this.runScript(statement.path, depth);
    }
  }

  async runScript(file: string, depth = 0): Promise<boolean> {
    if (depth >= MAX_SCRIPT_DEPTH) {
      this.output.err(`RUN SCRIPT nested more than ${MAX_SCRIPT_DEPTH} levels deep: ${file}`);
      return false;
    }
    let text: string;
    try {
      text = await readFile(path.resolve(file), 'utf8');
    } catch (error) {
      this.output.err(
        `Cannot read script ${file}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
    return this.runText(text, depth + 1);
  }

  private fail(error: unknown, submitted?: string): false {
    if (error instanceof RestClientError) {
      this.output.err(renderError(error.body, submitted));
    } else {
      const message = error instanceof Error ? error.message : String(error);
      const body: RestError = { '@type': 'generic_error', error_code: 0, message };
      this.output.err(
        `${renderError(body)}${/fetch failed|ECONNREFUSED/i.test(message) ? ` (is the server at ${this.session.url} running?)` : ''}`,
      );
    }
    return false;
  }
}
