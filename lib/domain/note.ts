import { z } from '@/lib/zod/mini';

/** Text captured from any page through the context menu. */
export const NoteSchema = z.object({
  id: z.string().check(z.minLength(1)),
  text: z.string(),
  pageTitle: z.string(),
  url: z.string(),
  /** Epoch milliseconds. */
  capturedAt: z.int().check(z.nonnegative()),
  /** The record the note is attached to (see `recordKey` in lib/crm/snapshot.ts); absent while in the inbox. */
  recordKey: z.optional(z.string()),
});
export type Note = z.infer<typeof NoteSchema>;
