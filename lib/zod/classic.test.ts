import { describe, expect, it } from 'vitest';
import { z } from './classic';

describe('zod for extension pages', () => {
  it('runs without code generation, which the MV3 content security policy forbids', () => {
    expect(z.config().jitless).toBe(true);
  });
});
