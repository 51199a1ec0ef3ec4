// @vitest-environment happy-dom
// The content script's side of the messaging (docs/security.md, threat T5):
// the custom-CRM script builds its reader from whatever the background
// answers to `page/custom-crm` (entrypoints/custom.content.ts). Whatever that
// answer is, building the reader never throws, and a malformed definition
// gives a reader that matches no host.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCustomAdapter, type CustomCrmDefinition } from '../crm/adapters/generic';
import { corpusText } from '@/test/support/xss-corpus.mjs';

const definition = fc.record(
  {
    id: fc.oneof(fc.string(), fc.nat({ max: 60 }).map(corpusText), fc.anything()),
    name: fc.oneof(fc.string(), fc.nat({ max: 60 }).map(corpusText), fc.anything()),
    hostPattern: fc.oneof(fc.constantFrom('<all_urls>', '*://*/*', 'https://*/*', 'http://crm.example.com/*', 'https://crm.example.com/x'), fc.string(), fc.anything()),
    selectors: fc.anything(),
    createdAt: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('custom-CRM reader built from the background’s answer', () => {
  it('never throws and never matches a broad or malformed host pattern', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), definition), (reply) => {
        const adapter = createCustomAdapter(reply as CustomCrmDefinition);
        for (const pattern of adapter.matches) expect(pattern).toMatch(/^https:\/\/(?:\*\.)?[a-z0-9.-]+\/\*$/);
        expect(adapter.label.length).toBeLessThanOrEqual(80 + ' (best-effort reader)'.length);
        expect(() => adapter.recognize(new URL('https://crm.example.com/deals/1'), document)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
