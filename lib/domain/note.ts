import { z } from '@/lib/zod/classic';

/** Text captured from any page through the context menu. */
export const NoteSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  pageTitle: z.string(),
  url: z.string(),
  /** Epoch milliseconds. */
  capturedAt: z.number().int().nonnegative(),
  /** The record the note is attached to (see `recordKey` in lib/crm/snapshot.ts); absent while in the inbox. */
  recordKey: z.string().optional(),
});
export type Note = z.infer<typeof NoteSchema>;
