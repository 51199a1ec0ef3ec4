import type { ExpectedPart } from '@/lib/crm/snapshot';
import type { RuleLocator } from '@/lib/page-rules/schema';

// What the background and the picker script (`/picker.js`, injected into the
// CRM's frame on the user's click) say to each other. The background injects
// the file, then calls `globalThis[PICKER_GLOBAL].start(options)` with a second
// `scripting.executeScript({ func, args })` and awaits the promise it returns.
// The result comes from the page's frame: the background validates it again.

/** Name of the picker's entry point on the isolated world's global object. */
export const PICKER_GLOBAL = '__ironTrianglePicker';

/** Characters of the picked value sent back for the panel to show. */
export const MAX_PICK_PREVIEW = 200;

export interface PickOptions {
  /** The part being pointed at. */
  part: ExpectedPart;
  /** "Click the stage value", in the user's language. */
  banner: string;
  /** "Esc to cancel", in the user's language. */
  cancelHint: string;
  /** Shown when the element picked gives no rule ("No rule fits this element: pick the value itself"); the banner stays otherwise. */
  unusableHint?: string;
}

export type PickResult = { locator: RuleLocator; preview: string } | { cancelled: true };

export interface PickerApi {
  /** Starts picking (a pick already running is cancelled); settles when the user picks a value or cancels. */
  start(options: PickOptions): Promise<PickResult>;
}
