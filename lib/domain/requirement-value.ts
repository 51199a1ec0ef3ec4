import { FigureSchema } from './figure';
import { z } from '@/lib/zod/mini';

/** Where a captured requirement value came from; shown next to the value so nobody has to trust hearsay. */
export const RequirementSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('crm-field'), fieldLabel: z.string().check(z.minLength(1)) }),
  z.object({ kind: z.literal('note'), noteId: z.string().check(z.minLength(1)), quote: z.string(), url: z.string() }),
  z.object({ kind: z.literal('manual') }),
]);
export type RequirementSource = z.infer<typeof RequirementSourceSchema>;

/** A fact captured for one requirement field of one record. */
export const RequirementValueSchema = z.object({
  fieldId: z.string().check(z.minLength(1)),
  value: z.string(),
  source: RequirementSourceSchema,
  /** Figures the value states, read when it was captured (amounts, dates, percentages…); absent for values entered before figures were read. */
  figures: z.optional(z.array(FigureSchema)),
  /** The customer confirmed this value (not just our reading of a conversation). */
  confirmedByCustomer: z.boolean(),
  /** Who entered or accepted the value (user name or id). */
  setBy: z.string(),
  /** Epoch milliseconds. */
  setAt: z.int().check(z.nonnegative()),
});
export type RequirementValue = z.infer<typeof RequirementValueSchema>;
