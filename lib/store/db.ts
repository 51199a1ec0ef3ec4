import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredNote } from './note-schema';

// The extension's one IndexedDB database. It is opened only in extension pages
// and the background (the extension origin), never in a content script, whose
// IndexedDB would belong to the CRM's origin.

export const DB_NAME = 'iron-triangle';
export const DB_VERSION = 1;

export interface IronTriangleDB extends DBSchema {
  notes: {
    key: string;
    value: StoredNote;
    indexes: { byRecord: [string, number] };
  };
}

export type Database = IDBPDatabase<IronTriangleDB>;

export function openDatabase(name = DB_NAME): Promise<Database> {
  return openDB<IronTriangleDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const notes = db.createObjectStore('notes', { keyPath: 'id' });
        // Inbox notes have no recordKey and so are simply absent from this index.
        notes.createIndex('byRecord', ['recordKey', 'capturedAt']);
      }
    },
    blocking(_current, _next, event) {
      // Another context is upgrading the schema: step aside instead of blocking it.
      (event.target as IDBDatabase).close();
    },
  });
}
