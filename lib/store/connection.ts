import { openDatabase, type Database } from './db';

let database: Promise<Database> | undefined;

/** This context's single connection (background or extension page), opened on first use. */
export function getDatabase(): Promise<Database> {
  const forget = () => (database = undefined); // the next call opens a fresh connection
  database ??= openDatabase(undefined, undefined, forget).catch((error: unknown) => {
    forget();
    throw error;
  });
  return database;
}
