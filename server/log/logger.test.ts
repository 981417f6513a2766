import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

describe('logger', () => {
  it('filters by level and redacts secret fields', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', format: 'json', write: (l) => lines.push(l) });
    log.debug('hidden');
    log.info('connected', { password: 'hunter2', broker: 'b:9092' });
    expect(lines).toHaveLength(1);
    const entry: unknown = JSON.parse(lines[0] ?? '');
    expect(entry).toMatchObject({ level: 'info', message: 'connected', password: '***', broker: 'b:9092' });
  });

  it('child loggers carry their fields', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', format: 'pretty', write: (l) => lines.push(l) }).child({
      q: 'Q1',
    });
    log.warn('slow');
    expect(lines[0]).toMatch(/WARN {2}slow q=Q1/);
  });
});
