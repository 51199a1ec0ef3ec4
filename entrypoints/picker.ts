import { installPicker } from '@/lib/page-rules/picker/install';

// "Point at it on the page": injected into the CRM's frame by the background
// (`scripting.executeScript({ files: ['/picker.js'] })`) only when the user asks
// to point at a value, never declared as a content script. See
// lib/page-rules/picker/protocol.ts for how the background then starts a pick.

export default defineUnlistedScript(() => installPicker(globalThis as unknown as Record<string, unknown>, document));
