import { describe, expect, it } from 'vitest';
import { codeChallengeS256, createCodeVerifier, createState } from './pkce.ts';

describe('PKCE', () => {
  it('computes the RFC 7636 appendix B challenge', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes fresh verifiers of 43–128 unreserved characters, and fresh states', () => {
    const verifier = createCodeVerifier();
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    expect(createCodeVerifier()).not.toBe(verifier);
    expect(createState()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createState()).not.toBe(createState());
  });

  it('refuses a verifier outside the RFC range', async () => {
    await expect(codeChallengeS256('short')).rejects.toThrow(RangeError);
    await expect(codeChallengeS256('a'.repeat(129))).rejects.toThrow(RangeError);
  });
});
