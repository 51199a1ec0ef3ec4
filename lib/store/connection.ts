import { openDatabase, type Database } from '../store/db';

let database: Promise<Database> | undefined;

/** The background's single connection, opened on first use after each service-worker start. */
export function getDatabase(): Promise<Database> {
  database ??= openDatabase().catch((error: unknown) => {
    database = undefined; // let the next call try again
    throw error;
  });
  return database;
}
