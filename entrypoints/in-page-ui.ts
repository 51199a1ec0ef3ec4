import { createInPageUi } from '@/lib/content/in-page-ui';
import { IN_PAGE_UI_GLOBAL } from '@/lib/content/in-page-ui-on-demand';

// Injected by the background (lib/background/in-page-ui.ts) into a CRM tab's top
// frame, next to its content script, when that script first has something to
// show in the page (lib/content/in-page-ui-on-demand.ts): the badge and the
// docked panel's frame stay out of the script every CRM page loads. Not in the
// manifest, not web-accessible.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[IN_PAGE_UI_GLOBAL] = createInPageUi;
});
