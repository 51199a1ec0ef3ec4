import { describe, expect, it } from 'vitest';
import { z } from './mini';

describe('zod/mini, the extension’s one zod', () => {
  // The bundle check (test/e2e/chromium/manifest.test.mjs) lets zod's eval probe stay in the bundles only because it never runs.
  it('runs without code generation, which the MV3 content security policy forbids', () => {
    expect(z.config().jitless).toBe(true);
    const schema = z.object({ a: z.string() });
    expect(schema.parse({ a: 'x', b: 1 })).toEqual({ a: 'x' });
  });

  it('says what is wrong in English, as the options and import previews show it', () => {
    const result = z.object({ a: z.string().check(z.minLength(2)) }).safeParse({ a: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Too small: expected string to have >=2 characters');
  });
});
