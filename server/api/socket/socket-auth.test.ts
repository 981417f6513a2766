import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createCredentialVerifier } from '../auth/credentials';
import { verifyHandshake } from '../auth/handshake';
import { FakeEngine } from './test-kit/fake-engine';
import { startHarness, type Harness } from './test-kit/harness';

describe('socket.io authentication', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('refuses a handshake without the API key with 40100 and accepts one with it', async () => {
    const verifier = createCredentialVerifier({ basicAuth: [], apiKeys: ['s3cret'] });
    harness = await startHarness(new FakeEngine(), { authorize: (h) => verifyHandshake(verifier, h) });
    const refused = await harness.client({ auth: { token: 'wrong' } }).then(
      () => null,
      (error: Error & { data?: { code?: number } }) => error,
    );
    expect(refused?.message).toBe('Unauthorized');
    expect(refused?.data?.code).toBe(40100);
    const client = await harness.client({ auth: { token: 's3cret' } });
    expect(client.connected).toBe(true);
  });

  it('refuses a WebSocket handshake from a browser origin outside the list (cross-site hijacking)', async () => {
    harness = await startHarness(new FakeEngine());
    const outcome = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = io(harness.url, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          extraHeaders: { origin },
        });
        socket.on('connect', () => resolve('connected'));
        socket.on('connect_error', () => resolve('refused'));
      });
    expect(await outcome('http://evil.example')).toBe('refused');
    expect((await harness.client()).connected).toBe(true); // no Origin: not a browser
  });
});
