import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageCommandSchema, PageStateReplySchema } from '@/lib/messaging/protocol';
import { displayOfReply, parsePageCommand } from './commands';

// Near-valid messages find more disagreements than arbitrary JSON.
const nearDisplay = fc.record(
  { launcher: fc.oneof(fc.boolean(), fc.constant('true'), fc.integer()), placement: fc.constantFrom('side-panel', 'docked', 'sidebar', '', 1) },
  { requiredKeys: [] },
);
const nearCommand = fc.oneof(
  fc.record({ type: fc.constantFrom('page/display', 'page/docked', 'page/read', 'page/state'), display: fc.oneof(nearDisplay, fc.anything()) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constantFrom('page/docked', 'page/display'), action: fc.constantFrom('open', 'close', 'toggle', 'OPEN', null) }, { requiredKeys: ['type'] }),
  fc.anything(),
);

describe('content-script checks of extension commands', () => {
  it('accept exactly what the protocol schemas accept, and return the same value', () => {
    fc.assert(
      fc.property(nearCommand, (message) => {
        const schema = PageCommandSchema.safeParse(message);
        expect(parsePageCommand(message)).toEqual(schema.success ? schema.data : null);
      }),
      { numRuns: 2000 },
    );
  });

  it('read the display preferences of a page/state answer like the reply schema', () => {
    fc.assert(
      fc.property(fc.oneof(fc.record({ result: fc.record({ ok: fc.boolean(), display: nearDisplay }) }), fc.anything()), (reply) => {
        const schema = PageStateReplySchema.safeParse(reply);
        const expected = schema.success ? (schema.data.result.display ?? null) : null;
        // The content script does not need `ok` to be well-formed to read the display; it does need a valid display.
        if (schema.success) expect(displayOfReply(reply)).toEqual(expected);
        else if (displayOfReply(reply) !== null) expect(PageCommandSchema.safeParse({ type: 'page/display', display: displayOfReply(reply) }).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('drop unknown keys instead of passing them on', () => {
    expect(parsePageCommand({ type: 'page/display', display: { launcher: true, placement: 'docked', html: '<img onerror=alert(1)>' } })).toEqual({
      type: 'page/display',
      display: { launcher: true, placement: 'docked' },
    });
  });
});
