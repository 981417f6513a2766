import { ErrorCodes } from '../../lib/contracts/errors';
import type { CommandRecord } from '../catalog/command-schema';
import { withoutSecrets } from '../catalog/command-secrets';
import { KappaError } from '../errors/kappa-error';
import { CommandCatchUpTimeout, type CommandReader, type CommandTopicRecord } from '../kafka/command-reader';
import type { CommandWriter } from '../kafka/command-writer';
import type { Logger } from '../log/logger';
import type { CatalogState } from './catalog-state';
import { decodeCommand, type DecodedCommand } from './command-decoding';
import type { CommandLog, CommandWrite } from './services';

/**
 * The command topic as the engine's CommandLog: replays it into the CatalogState at start, then
 * applies every record it follows; writes go through the transactional CommandWriter. Keys are
 * ksqlDB's CommandId as a JSON string (`"stream/`S`/create"`), values the CommandRecord as JSON.
 */
export class KafkaCommandLog implements CommandLog {
  constructor(
    private readonly reader: CommandReader,
    private readonly writer: CommandWriter,
    private readonly state: CatalogState,
    private readonly log: Logger,
  ) {}

  /** Replays the whole topic into the catalog; resolves once replayed (then keeps following). */
  async start(): Promise<{ records: number; millis: number }> {
    const started = performance.now();
    let count = 0;
    await this.reader.start({
      replayed: (records, { lowOffset }) => {
        count = records.length;
        const decoded = records.map(decodeRecord);
        if (lowOffset > 0) decoded.unshift(truncated(lowOffset));
        this.state.replay(decoded, records[records.length - 1]?.offset ?? -1);
      },
      followed: (records) => {
        for (const r of records) this.state.applyDecoded(decodeRecord(r));
      },
    });
    const millis = performance.now() - started;
    this.log.info('command topic replayed', {
      records: count,
      millis: Math.round(millis),
      sources: this.state.catalog().sources().length,
      queries: this.state.catalog().queries().length,
    });
    return { records: count, millis };
  }

  append(key: string, record: CommandRecord): Promise<number> {
    return this.write(async () => ({ key, record })).then((offset) => offset ?? -1);
  }

  appendLatest(build: () => Promise<CommandWrite | undefined>): Promise<number | undefined> {
    return this.write(build);
  }

  private async write(build: () => Promise<CommandWrite | undefined>): Promise<number | undefined> {
    try {
      return await this.writer.write(async () => {
        const w = await build();
        return w && { key: JSON.stringify(w.key), value: JSON.stringify(withoutSecrets(w.record)) };
      });
    } catch (error) {
      if (error instanceof KappaError) throw error;
      if (error instanceof CommandCatchUpTimeout) {
        throw new KappaError(
          ErrorCodes.COMMAND_QUEUE_CATCHUP_TIMEOUT,
          `${error.message} The statement was not executed; retry it.`,
          { cause: error },
        );
      }
      this.log.error('could not write to the command topic', { error });
      throw new KappaError(
        ErrorCodes.SERVER_ERROR,
        `Could not write the statement to the command topic: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }

  async stop(): Promise<void> {
    await this.writer.close();
    await this.reader.stop();
  }
}

function decodeRecord(r: CommandTopicRecord): DecodedCommand {
  return decodeCommand(r.offset, keyText(r.key), r.value);
}

/** ksqlDB writes the CommandId as a JSON string; accept a bare one too. */
function keyText(key: string | null): string {
  if (key === null) return '';
  try {
    const parsed: unknown = JSON.parse(key);
    return typeof parsed === 'string' ? parsed : key;
  } catch {
    return key;
  }
}

function truncated(lowOffset: number): DecodedCommand {
  return {
    offset: lowOffset - 1,
    key: '(deleted records)',
    problem: `The command topic starts at offset ${lowOffset}: records 0 to ${lowOffset - 1} were deleted (retention or truncation), so the catalog is incomplete (CORRUPTED). Restore it from an export, or accept the loss with scripts/catalog/repair.ts skip ${lowOffset - 1}.`,
  };
}
