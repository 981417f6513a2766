/**
 * A small structured logger: one line per event, pretty for people or JSON for machines.
 * Fields are data, never interpolated into the message, so secrets can be filtered in one place.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const secretKey = /pass(word)?|secret|token|api[-_]?key|authorization|sasl/i;

export function redact(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    if (secretKey.test(k)) out[k] = '***';
    else if (v instanceof Error) out[k] = { name: v.name, message: v.message, stack: v.stack };
    else out[k] = v;
  }
  return out;
}

export function createLogger(options: {
  level: LogLevel;
  format: 'pretty' | 'json';
  write?: (line: string) => void;
  base?: LogFields;
}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const threshold = order[options.level];
  const make = (base: LogFields): Logger => {
    const emit = (level: LogLevel, message: string, fields: LogFields = {}): void => {
      if (order[level] < threshold) return;
      const all = redact({ ...base, ...fields });
      if (options.format === 'json') {
        write(JSON.stringify({ time: new Date().toISOString(), level, message, ...all }));
        return;
      }
      const extras = Object.entries(all)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      write(
        `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${extras ? ` ${extras}` : ''}`,
      );
    };
    return {
      debug: (m, f) => emit('debug', m, f),
      info: (m, f) => emit('info', m, f),
      warn: (m, f) => emit('warn', m, f),
      error: (m, f) => emit('error', m, f),
      child: (fields) => make({ ...base, ...fields }),
    };
  };
  return make(options.base ?? {});
}

/** For tests and tools that want silence. */
export const silentLogger: Logger = createLogger({ level: 'error', format: 'json', write: () => {} });
