import type { RecordSnapshot } from '@/lib/crm/snapshot';
import type { Person } from '@/lib/domain/team';
import { analyzeDeal, type DealAnalysis } from '@/lib/engines/analyze';
import type { ResolvedPlaybook } from '@/lib/playbook/sources';
import type { Database } from '@/lib/store/db';
import { factsForRecord, type RecordFacts } from '@/lib/store/facts';
import { loadActiveDirectory, loadActivePlaybook } from './active-policy';

/** What the engines need besides the record: the active playbook and directory, and the record's stored facts. */
export interface DealData {
  playbook: ResolvedPlaybook;
  facts: RecordFacts;
  directory: Person[];
  /** When the data was read: staleness of relationships is measured against it. */
  loadedAt: number;
}

/** Reads a record's deal data in one go; the panel and the in-page launcher share it. */
export async function loadDealData(db: Database, recordKey: string): Promise<DealData> {
  const [playbook, facts, directory] = await Promise.all([loadActivePlaybook(db), factsForRecord(db, recordKey), loadActiveDirectory(db)]);
  return { playbook, facts, directory: directory.people, loadedAt: Date.now() };
}

export function analyzeDealData(record: RecordSnapshot, data: DealData): DealAnalysis {
  return analyzeDeal({ playbook: data.playbook.playbook, record, facts: data.facts, directory: data.directory, now: data.loadedAt });
}
