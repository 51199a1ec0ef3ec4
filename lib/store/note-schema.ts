import { z } from '../zod/mini';

/** A selection over this size is refused rather than cut: a note is kept whole or not at all. */
export const MAX_NOTE_CHARS = 100_000;

export const StoredNoteSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  text: z.string().check(z.minLength(1), z.maxLength(MAX_NOTE_CHARS)),
  pageTitle: z.string().check(z.maxLength(2_000)),
  url: z.string().check(z.maxLength(4_096)),
  capturedAt: z.number(),
  /** The record the tab showed when the note was captured; absent for inbox notes. */
  recordKey: z.optional(z.string().check(z.maxLength(400))),
  recordName: z.optional(z.string().check(z.maxLength(2_000))),
});

export type StoredNote = z.infer<typeof StoredNoteSchema>;
