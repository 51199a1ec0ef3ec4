import type { Person } from '@/lib/domain/team';
import { analyzeDeal } from '@/lib/engines/analyze';
import { loadActiveDirectory, loadActivePlaybook } from '@/lib/deal/active-policy';
import type { ResolvedPlaybook } from '@/lib/playbook/sources';
import type { Database } from '@/lib/store/db';
import { factsForRecord } from '@/lib/store/facts';
import { lastSnapshot } from '@/lib/store/records';
import type { StoredRecord } from '@/lib/store/rows';
import { fnv1a } from '@/lib/text/hash';
import { deskRowFor, lastNoteTime, type DeskRow } from './row';

/** What every row of one desk pass is computed against. */
export interface DeskBasis {
  playbook: ResolvedPlaybook;
  directory: Person[];
  /** The moment the pass measures staleness and urgency against, as the panel does with its load time. */
  now: number;
  /** Identifies playbook, directory and day: a cached row with another stamp may differ from what the panel says. */
  stamp: string;
}

export async function loadDeskBasis(db: Database, now: number): Promise<DeskBasis> {
  const [playbook, directory] = await Promise.all([loadActivePlaybook(db), loadActiveDirectory(db)]);
  return { playbook, directory: directory.people, now, stamp: basisStamp(playbook, directory.people, now) };
}

/** A stamp of the inputs every row shares; the local day is in it because gaps (stale contacts, overdue roles) age. */
export function basisStamp(playbook: ResolvedPlaybook, directory: readonly Person[], now: number): string {
  const day = new Date(now);
  const dayText = `${day.getFullYear()}-${day.getMonth() + 1}-${day.getDate()}`;
  return `${fnv1a(JSON.stringify(playbook.playbook)).toString(36)}.${fnv1a(JSON.stringify(directory)).toString(36)}.${dayText}`;
}

/** The desk row of one record, analysed exactly as the panel analyses it: the same engines, facts, playbook and directory. */
export async function computeDeskRow(db: Database, record: StoredRecord, basis: DeskBasis): Promise<DeskRow> {
  const [snapshot, facts] = await Promise.all([lastSnapshot(db, record.recordKey), factsForRecord(db, record.recordKey)]);
  const analysis =
    snapshot && analyzeDeal({ playbook: basis.playbook.playbook, record: snapshot, facts, directory: basis.directory, now: basis.now });
  return deskRowFor(record, snapshot && analysis ? { snapshot, analysis } : undefined, lastNoteTime(facts.notes), basis.stamp);
}
