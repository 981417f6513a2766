import { describe, expect, it } from 'vitest';
import { COMMAND_VERSION, commandId, type Command } from '../catalog/command-schema';
import { testSource } from '../catalog/testing/random-log';
import { CatalogState } from './catalog-state';
import { decodeCommand, type DecodedCommand } from './command-decoding';

function encoded(offset: number, command: Command): DecodedCommand {
  const record = { version: COMMAND_VERSION, statement: command.type, properties: {}, command };
  return decodeCommand(offset, commandId(command), JSON.stringify(record));
}

const create = (name: string): Command => ({
  type: 'createSource',
  source: testSource(name, 'STREAM'),
  orReplace: false,
});

describe('decodeCommand', () => {
  it('tells corrupt records from records of a newer engine', () => {
    expect(decodeCommand(3, 'k', 'garbage{')).toMatchObject({
      problem: expect.stringMatching(/offset 3 .*CORRUPTED.*not JSON/),
    });
    expect(decodeCommand(4, 'k', null)).toMatchObject({ problem: expect.stringMatching(/no value/) });
    expect(
      decodeCommand(5, 'k', '{"version":1,"statement":"x","properties":{},"command":{"type":"nope"}}'),
    ).toMatchObject({
      problem: expect.stringMatching(/CORRUPTED/),
    });
    expect(decodeCommand(6, 'k', '{"version":2,"whatever":true}')).toMatchObject({
      problem: expect.stringMatching(/version 2.*INCOMPATIBLE_COMMAND/),
    });
    expect(encoded(7, create('A'))).toHaveProperty('record');
  });
});

describe('CatalogState', () => {
  it('replays a log, reporting bad records without stopping, and numbers queries from the last record', () => {
    const state = new CatalogState();
    const degraded: (string | undefined)[] = [];
    state.onDegradedChange((d) => degraded.push(d?.reason));
    state.replay([encoded(0, create('A')), decodeCommand(2, 'bad', 'x'), encoded(4, create('B'))], 5);
    expect(
      state
        .catalog()
        .sources()
        .map((s) => s.name),
    ).toEqual(['A', 'B']);
    expect(state.catalog().nextQueryNumber).toBe(5);
    expect(state.offset).toBe(5);
    expect(state.degraded?.offset).toBe(2);
    expect(degraded).toEqual([expect.stringMatching(/offset 2/)]);
  });

  it('leaves DEGRADED once a skip command covers every bad offset, live and on the next replay', () => {
    const live = new CatalogState();
    live.applyDecoded(encoded(0, create('A')));
    live.applyDecoded(decodeCommand(1, 'bad', '{"version":9}'));
    expect(live.degraded?.reason).toMatch(/INCOMPATIBLE/);
    const skip = encoded(2, { type: 'skip', offsets: [1], reason: 'test' });
    live.applyDecoded(skip);
    expect(live.degraded).toBeUndefined();

    const replayed = new CatalogState();
    replayed.replay([encoded(0, create('A')), decodeCommand(1, 'bad', '{"version":9}'), skip], 2);
    expect(replayed.degraded).toBeUndefined();
    expect(
      replayed
        .catalog()
        .sources()
        .map((s) => s.name),
    ).toEqual(['A']);
  });

  it('marks a record that does not apply as a problem and keeps the rest', () => {
    const state = new CatalogState();
    state.applyDecoded(encoded(0, create('A')));
    state.applyDecoded(encoded(1, create('A')));
    state.applyDecoded(encoded(2, create('B')));
    expect(state.degraded).toMatchObject({
      offset: 1,
      reason: expect.stringMatching(/could not be applied: A already exists/),
    });
    expect(
      state
        .catalog()
        .sources()
        .map((s) => s.name),
    ).toEqual(['A', 'B']);
    expect(state.commands().map((e) => e.offset)).toEqual([0, 2]);
  });

  it('resolves waiters when their offset is consumed, markers included', async () => {
    const state = new CatalogState();
    const waiting = state.waitFor(3, 1000);
    state.applyDecoded(encoded(1, create('A')));
    state.advance(3);
    await expect(waiting).resolves.toBeUndefined();
    await expect(state.waitFor(9, 10)).rejects.toThrow(/Timed out/);
  });
});
