// sync.push: a note captured on a connected opportunity until Salesforce has acknowledged it —
// the outbox write in the note's own transaction (lib/store/outbox.ts), then the background's
// sender (lib/salesforce/sender.ts) through the real REST client (ContentNote create, link) —
// against the local Salesforce stand-in (test/support/salesforce-server.mjs) over loopback HTTP,
// in Node with fake-indexeddb. One capture at a time, each sent at once, as the background does
// after a capture (`syncSoon`).
// sync.pull: the read-back of a record holding 500 notes written by a colleague (three pages of
// links, one body call per note) into an empty store (lib/salesforce/read-back.ts), and a second
// read that finds nothing new (bounded by LastModifiedDate): `sync.pull.again`.
// Run with tsx (scripts/bench.mjs does).
import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { startSalesforceServer } from '../test/support/salesforce-server.mjs';
import { clientWrites } from '../lib/salesforce/client-writes';
import { base64Utf8 } from '../lib/salesforce/mapping';
import { pullRecordNotes } from '../lib/salesforce/read-back';
import { sendDue } from '../lib/salesforce/sender';
import { signedInClient } from '../lib/salesforce/testing/sign-in';
import { openDatabase } from '../lib/store/db';
import { saveNoteWithOutbox } from '../lib/store/outbox';
import { log, summarize, wanted, writeResults } from './support/stats.mjs';

const results = [];
const server = await startSalesforceServer();
try {
  const client = await signedInClient(server);
  const writes = clientWrites(client);

  if (wanted('sync.push')) {
    const opportunityId = server.state.seed('Opportunity', { Name: 'Sudan grid' });
    const recordKey = `salesforce|acme.lightning.force.com|Opportunity|${opportunityId}`;
    const db = await openDatabase('bench-sync-push');
    const text = 'Diesel is 40% of their OPEX; grid at 60 of 450 sites.\nThey want PV + battery, IP55, 50°C.';
    const times = [];
    for (let n = 0; n < 220; n++) {
      const start = performance.now();
      const id = crypto.randomUUID();
      await saveNoteWithOutbox(db, { id, text, pageTitle: 'Call notes', url: 'https://mail.example/1', capturedAt: Date.now(), recordKey }, opportunityId, `o-${id}`);
      const report = await sendDue({ db, writes, userId: server.state.defaultUserId, now: Date.now, random: Math.random });
      if (report.sent !== 1) throw new Error(`capture ${n} was not acknowledged: ${JSON.stringify(report)}`);
      if (n >= 20) times.push(performance.now() - start); // 20 warm-up captures
    }
    db.close();
    await deleteDB('bench-sync-push');
    results.push(summarize('sync.push', 'ms', times, 250, { targetStat: 'p95' }));
    log('sync.push', `${times.length} captures acknowledged`);
  }

  if (wanted('sync.pull')) {
    const opportunityId = server.state.seed('Opportunity', { Name: 'Chad solar' });
    const colleague = server.state.seed('User', { Name: 'Amira Hassan', Username: 'amira@example.com', Email: 'amira@example.com', IsActive: true });
    for (let n = 0; n < 500; n++) {
      const id = server.state.seed('ContentNote', {
        Title: `Site visit ${n}`,
        Content: base64Utf8(`<p>Site ${n}: grid 6 h a day, genset 60 kVA, diesel 1 200 L a month.</p>`),
        FileType: 'SNOTE',
        CreatedById: colleague,
        LastModifiedById: colleague,
        OwnerId: colleague,
      });
      server.state.seed('ContentDocumentLink', { ContentDocumentId: id, LinkedEntityId: opportunityId, ShareType: 'V', Visibility: 'AllUsers' });
    }
    const target = { recordKey: `salesforce|acme.lightning.force.com|Opportunity|${opportunityId}`, recordName: 'Chad solar', opportunityId, userId: server.state.defaultUserId };
    const first = [];
    const again = [];
    for (let run = 0; run < 7; run++) {
      const db = await openDatabase(`bench-sync-pull-${run}`);
      let start = performance.now();
      const pulled = await pullRecordNotes(db, client, target, Date.now());
      const elapsed = performance.now() - start;
      if (pulled.outcome !== 'pulled' || pulled.changed !== 500) throw new Error(`read back ${JSON.stringify(pulled)}, not 500 notes`);
      start = performance.now();
      await pullRecordNotes(db, client, target, Date.now());
      const second = performance.now() - start;
      db.close();
      await deleteDB(`bench-sync-pull-${run}`);
      if (run === 0) continue; // warm-up
      first.push(elapsed);
      again.push(second);
      log('sync.pull', `run ${run}: ${Math.round(elapsed)} ms, again ${Math.round(second)} ms`);
    }
    results.push(summarize('sync.pull', 'ms', first, 5_000, { targetStat: 'p95' }));
    results.push(summarize('sync.pull.again', 'ms', again, 100, { targetStat: 'p95' }));
  }
} finally {
  await server.close();
}

writeResults(results);
