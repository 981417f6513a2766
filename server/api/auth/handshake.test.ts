import { describe, expect, it } from 'vitest';
import { createCredentialVerifier } from './credentials';
import { verifyHandshake } from './handshake';

describe('verifyHandshake', () => {
  const verifier = createCredentialVerifier({ basicAuth: [{ user: 'u', password: 'p' }], apiKeys: ['k'] });

  it('accepts header credentials and an auth token', () => {
    expect(verifyHandshake(verifier, { headers: { authorization: 'Bearer k' } })).toBe(true);
    expect(verifyHandshake(verifier, { headers: { 'x-api-key': 'k' } })).toBe(true);
    expect(
      verifyHandshake(verifier, {
        headers: { authorization: `Basic ${Buffer.from('u:p').toString('base64')}` },
      }),
    ).toBe(true);
    expect(verifyHandshake(verifier, { headers: {}, auth: { token: 'k' } })).toBe(true);
  });

  it('refuses missing or wrong credentials, and allows all when none are configured', () => {
    expect(verifyHandshake(verifier, { headers: {}, auth: { token: 'nope' } })).toBe(false);
    expect(verifyHandshake(verifier, { headers: {}, auth: 'garbage' })).toBe(false);
    const open = createCredentialVerifier({ basicAuth: [], apiKeys: [] });
    expect(verifyHandshake(open, { headers: {} })).toBe(true);
  });
});
