import { describe, expect, it } from 'vitest';
import { IN_ENGLISH } from './english';
import { z } from './mini';

describe('zod/mini, the extension’s one zod', () => {
  // The bundle check (test/e2e/chromium/manifest.test.mjs) lets zod's eval probe stay in the bundles only because it never runs.
  it('runs without code generation, which the MV3 content security policy forbids', () => {
    expect(z.config().jitless).toBe(true);
    const schema = z.object({ a: z.string() });
    expect(schema.parse({ a: 'x', b: 1 })).toEqual({ a: 'x' });
  });

  it('words its problems in English when asked, as the options and import previews show them; a check’s own message wins', () => {
    const schema = z.object({ a: z.string().check(z.minLength(2)), b: z.string().check(z.minLength(1, 'Give it a name.')) });
    const plain = schema.safeParse({ a: 'x', b: '' });
    expect(plain.error?.issues.map((issue) => issue.message)).toEqual(['Invalid input', 'Give it a name.']);
    const worded = schema.safeParse({ a: 'x', b: '' }, IN_ENGLISH);
    expect(worded.error?.issues.map((issue) => issue.message)).toEqual(['Too small: expected string to have >=2 characters', 'Give it a name.']);
  });
});
