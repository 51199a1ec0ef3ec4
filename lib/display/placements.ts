// Dependency-free, so the content script can use it without the zod schema (schema.ts).
export const DISPLAY_PLACEMENTS = ['side-panel', 'docked'] as const;
export type DisplayPlacement = (typeof DISPLAY_PLACEMENTS)[number];
