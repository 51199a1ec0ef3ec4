// What bench/store.bench.mjs runs inside the extension's panel page: the real
// store code (lib/store), bundled by bench/support/bundle.mjs.
export { openDatabase } from '../../lib/store/db';
export { notesForRecord } from '../../lib/store/notes';
export { applyImport, exportBackup, parseBackup } from '../../lib/store/backup';
