import { z } from '@/lib/zod/mini';

/**
 * The team moved the deal on past the CRM's last stage (e.g. a won deal into
 * delivery, then cash), which most CRMs do not track. Kept per record. It
 * applies only while the CRM still shows the stage it was set from, so a CRM
 * that moves on (or a deal reopened in the CRM) is never overruled by an old
 * click.
 */
export const StageOverrideSchema = z.object({
  /** Playbook stage id the deal was moved to. */
  stageId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The CRM stage name shown when the team moved the deal on. */
  fromCrmStage: z.string().check(z.minLength(1), z.maxLength(2_000)),
  /** Who moved it (user name or id; empty when unknown). */
  setBy: z.string().check(z.maxLength(200)),
  /** Epoch milliseconds. */
  setAt: z.int().check(z.nonnegative()),
});
export type StageOverride = z.infer<typeof StageOverrideSchema>;
