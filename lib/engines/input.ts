import type { RecordSnapshot } from '@/lib/crm/snapshot';
import type { DealFacts } from '@/lib/domain/deal-facts';
import type { Person } from '@/lib/domain/team';
import type { Playbook } from '@/lib/playbook/schema';

/** Everything the engines look at. They read nothing else: no clock, no storage, no browser. */
export interface DealInput {
  playbook: Playbook;
  record: RecordSnapshot;
  facts: DealFacts;
  /** The team directory; only the team engine reads it. */
  directory: readonly Person[];
  /** Epoch milliseconds the analysis is made at (staleness is measured against it). */
  now: number;
}
