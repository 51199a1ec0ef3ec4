// Size limits of a record snapshot, kept apart from the zod schemas so the
// content script can enforce them without bundling zod.
// Limits keep one hostile or giant CRM page from filling the session store or
// the panel: longer values are cut and flagged, never silently dropped.
export const MAX_TEXT = 2_000;
export const MAX_FIELDS = 500;
export const MAX_CONTACTS = 500;
