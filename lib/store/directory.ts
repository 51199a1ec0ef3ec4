import { PersonSchema, type Person } from '@/lib/domain/team';
import { writeTransaction, type Database } from './db';
import { validRows } from './rows';

/** The team directory, sorted by name. */
export async function listDirectory(db: Database): Promise<Person[]> {
  const people = validRows(PersonSchema, await db.getAll('directory'));
  return people.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Replaces the whole directory in one transaction: after an import, either all of it or none of it. */
export async function replaceDirectory(db: Database, people: readonly Person[]): Promise<void> {
  const valid = people.map((person) => PersonSchema.parse(person));
  const tx = writeTransaction(db, ['directory']);
  await tx.store.clear();
  await Promise.all(valid.map((person) => tx.store.add(person)));
  await tx.done;
}
