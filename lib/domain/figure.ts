import { z } from '@/lib/zod/mini';

/**
 * A figure a statement of a note states, normalised beside the words it was
 * read from (`text`, verbatim, at `start` in its statement or value); stored
 * with an accepted value, so it is validated like every stored row.
 * - amount: money; `value` in units of the currency (¥1.2万 → 12000), `currency` an ISO 4217 code when the text names one;
 * - percent: `value` as written (20% → 20);
 * - quantity: a count or measure with its unit, normalised (`kW`, `kWh`, `MW`, `L`, `site`, `unit`, `°C`, `IP`…);
 * - date: a day, month, quarter or half year, as inclusive ISO dates `from`..`to` (yyyy-mm-dd);
 * - period: a span of time ("within 8 weeks", "3个月内") in days;
 * - negation: the statement says the fact is absent or not there yet ("no budget yet", "暂无预算").
 */
const at = { text: z.string(), start: z.int().check(z.nonnegative()) };
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const FigureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), ...at, value: z.number(), currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))) }),
  z.object({ kind: z.literal('percent'), ...at, value: z.number() }),
  z.object({ kind: z.literal('quantity'), ...at, value: z.number(), unit: z.string().check(z.minLength(1)) }),
  z.object({ kind: z.literal('date'), ...at, from: isoDate, to: isoDate }),
  z.object({ kind: z.literal('period'), ...at, days: z.number().check(z.nonnegative()) }),
  z.object({ kind: z.literal('negation'), ...at }),
]);
export type Figure = z.infer<typeof FigureSchema>;
export type FigureKind = Figure['kind'];
export const FIGURE_KINDS = ['amount', 'percent', 'quantity', 'date', 'period', 'negation'] as const satisfies readonly FigureKind[];
