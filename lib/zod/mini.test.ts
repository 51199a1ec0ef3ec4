import { describe, expect, it } from 'vitest';
import { z } from './mini';

describe('zod/mini for content scripts and messages', () => {
  // The bundle check (test/e2e/chromium/manifest.test.mjs) lets zod's eval probe stay in the bundles only because it never runs.
  it('runs without code generation, which the MV3 content security policy forbids', () => {
    expect(z.config().jitless).toBe(true);
    const schema = z.object({ a: z.string() });
    expect(schema.parse({ a: 'x', b: 1 })).toEqual({ a: 'x' });
  });
});
