import { z } from '@/lib/zod/mini';
import { DISPLAY_PLACEMENTS } from './placements';

/**
 * Where the panel appears besides the toolbar button: `launcher` is the small
 * gap badge on recognised record pages; `placement` is the browser's side
 * panel / sidebar, or the same panel docked inside the CRM page.
 */
export const DisplayPreferencesSchema = z.object({ launcher: z.boolean(), placement: z.enum(DISPLAY_PLACEMENTS) });
export type DisplayPreferences = z.infer<typeof DisplayPreferencesSchema>;
