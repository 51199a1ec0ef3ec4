import { EXPECTED_PARTS, type ExpectedPart } from '@/lib/crm/snapshot';
import { PICKER_GLOBAL, type PickOptions, type PickerApi } from './protocol';
import { startPickSession, type PickSession } from './session';

// Puts the picker's entry point on the isolated world's global object, where
// the background's second `executeScript` finds it (the page's own scripts
// live in another world and cannot call it). One pick at a time; when a pick
// ends the entry point goes too, so nothing of the picker stays in the frame
// (the background injects the file again for the next pick).

/** Characters of the banner's texts kept (they come from the extension's catalogs). */
const MAX_BANNER_TEXT = 200;

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_BANNER_TEXT) : '';
}

/** The options as the picker uses them, whatever the caller passed. */
function checkedOptions(options: unknown): PickOptions | null {
  const given = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const part = given.part;
  if (typeof part !== 'string' || !(EXPECTED_PARTS as readonly string[]).includes(part)) return null;
  const checked: PickOptions = { part: part as ExpectedPart, banner: text(given.banner), cancelHint: text(given.cancelHint) };
  if (given.unusableHint !== undefined) checked.unusableHint = text(given.unusableHint);
  return checked;
}

/** Installs the picker on `scope` for pages of `doc`; rules are derived within the document's body. */
export function installPicker(scope: Record<string, unknown>, doc: Document): void {
  let running: PickSession | null = null;
  const api: PickerApi = {
    start(options) {
      running?.cancel();
      const checked = checkedOptions(options);
      const root = doc.body;
      if (!checked || !root) return Promise.reject(new Error('the picker needs a part and a page with a body'));
      const session = startPickSession(checked, { document: doc, root });
      running = session;
      return session.result.finally(() => {
        if (running !== session) return;
        running = null;
        if (scope[PICKER_GLOBAL] === api) delete scope[PICKER_GLOBAL];
      });
    },
  };
  scope[PICKER_GLOBAL] = api;
}
