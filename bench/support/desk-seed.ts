// What bench/desk.bench.mjs runs inside an extension page (bundled by
// bench/support/bundle.mjs): thousands of realistic records for the deal desk,
// written with raw IndexedDB into the extension's database, as the panel and
// the background would have left them (records + their last page readings,
// and for a part of them notes, requirement values, stakeholders and team
// assignments), plus the team directory those assignments name.
//
// Every record is one of the 32 hand-written deals of bench/corpora/deals.json
// (five CRMs, English and Chinese), made its own: its own id, name variant,
// amount, age and dates moved to today; its page padded to a few dozen fields
// and more contacts, as real CRM pages show. Each row is validated with the
// store's own schemas before it is written, so the desk reads back all of it.
import { unreadContactDetails } from '../../lib/crm/adapters/common';
import { recordKey, RecordSnapshotSchema, type RecordSnapshot } from '../../lib/crm/snapshot';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default-playbook';
import { PersonSchema } from '../../lib/domain/team';
import {
  StoredAssignmentSchema,
  StoredNoteSchema,
  StoredRecordSchema,
  StoredRequirementValueSchema,
  StoredSnapshotSchema,
  StoredStakeholderSchema,
} from '../../lib/store/rows';
import { DEAL_CORPUS, DEAL_CORPUS_NOW, DEAL_DIRECTORY, dealInputOf } from '../deal-quality';

const DAY = 86_400_000;

/** Fields a CRM page shows beyond the ones the corpus deals were written with (label, value of record n). */
const EXTRA_FIELDS: [string, (n: number) => string][] = [
  ['Probability (%)', (n) => `${[10, 20, 40, 60, 75, 90][n % 6]}%`],
  ['Forecast Category', (n) => ['Pipeline', 'Best Case', 'Commit', 'Omitted'][n % 4]!],
  ['Lead Source', (n) => ['Partner Referral', 'Trade Show', 'Web', 'Existing Customer', 'Tender Portal'][n % 5]!],
  ['Type', (n) => ['New Business', 'Existing Business – Upgrade', 'Existing Business – Renewal'][n % 3]!],
  ['Next Step', (n) => ['Site survey with the operations team', 'Send revised BOQ', 'Technical clarification call', 'Reference visit', '等待客户反馈技术澄清'][n % 5]!],
  ['Region', (n) => ['EMEA', 'APAC', 'LATAM', 'North America', 'Greater China'][n % 5]!],
  ['Territory', (n) => `T-${100 + (n % 37)}`],
  ['Campaign', (n) => ['FY27 Energy Transition', 'Rural Connectivity Push', 'Grid Modernisation', '—'][n % 4]!],
  ['Created By', (n) => `${['Priya Nair', 'Tom Becker', 'Li Wei', 'Ana Souza'][n % 4]}, ${1 + (n % 28)}/0${1 + (n % 9)}/2026 ${8 + (n % 10)}:${10 + (n % 50)}`],
  ['Last Modified By', (n) => `${['Chen Jing', 'Marco Rossi', 'Sara Ahmed'][n % 3]}, ${1 + (n % 28)}/1${n % 2}/2026 ${9 + (n % 9)}:${10 + (n % 49)}`],
  ['Opportunity Currency', () => 'USD'],
  ['Expected Revenue', (n) => `USD ${((n % 97) * 13_500).toLocaleString('en-US')}.00`],
  ['Quote Number', (n) => `Q-${2026_00000 + n}`],
  ['Contract Type', (n) => ['EPC', 'Supply only', 'Supply & install', 'Managed service'][n % 4]!],
  ['Incoterms', (n) => ['DAP', 'DDP', 'FCA', 'EXW'][n % 4]!],
  ['Sites', (n) => String(4 + (n % 180))],
  ['Delivery Window', (n) => `Q${1 + (n % 4)} 2027`],
  ['Partner', (n) => ['—', 'Sahel Engineering Ltd', 'Northwind Integrators', '华南工程有限公司'][n % 4]!],
  ['Industry', (n) => ['Telecommunications', 'Utilities', 'Manufacturing', 'Energy', 'Public Sector'][n % 5]!],
  ['Segment', (n) => ['Enterprise', 'Strategic', 'Mid-market'][n % 3]!],
  ['Reseller Margin', (n) => `${5 + (n % 11)}%`],
  ['Service Level', (n) => ['Gold 24x7', 'Silver 8x5', 'Bronze NBD'][n % 3]!],
  ['Warranty (months)', (n) => String(12 + (n % 4) * 12)],
  ['Project Code', (n) => `PRJ-${(n * 7919) % 100_000}`],
  ['Bid Manager', (n) => ['Olga Petrova', 'James Mwangi', 'Zhang Min', '—'][n % 4]!],
  ['Last Activity', (n) => `${1 + (n % 28)}/11/2026`],
  ['Description', (n) => `Phase ${1 + (n % 4)} of the customer's programme: ${['hybrid power for remote sites', 'substation automation retrofit', 'metering roll-out', 'backhaul upgrade'][n % 4]}, ${10 + (n % 90)} locations, existing equipment to be kept where it passes the survey.`],
  ['Loss Reason', () => ''],
  ['Internal Notes', (n) => (n % 3 === 0 ? 'Pricing approved by the deal desk up to 18% discount.' : '')],
  ['Tender Reference', (n) => (n % 2 === 0 ? `RFP/${2026}/${(n * 31) % 9000}` : '')],
  ['Payment Method', (n) => ['Letter of credit', 'Bank transfer', '—'][n % 3]!],
  ['Customer PO', (n) => (n % 4 === 0 ? `PO-${88_000 + n}` : '')],
  ['Stage Duration (days)', (n) => String(n % 140)],
  ['Age (days)', (n) => String(20 + (n % 400))],
  ['Health', (n) => ['Green', 'Amber', 'Red'][n % 3]!],
];

/** Contacts a CRM lists beyond the ones the corpus deals name. */
const EXTRA_CONTACTS = [
  { name: 'Fatima Diallo', title: 'Procurement Officer' },
  { name: 'Kwame Mensah', title: 'Network Planning Engineer' },
  { name: 'Sophie Laurent', title: 'Project Manager' },
  { name: 'Rahul Mehta', title: 'Head of Operations' },
  { name: 'Elena García', title: 'Legal Counsel' },
  { name: 'Daniel Okafor', title: 'Site Engineer' },
  { name: '王磊', title: '采购经理' },
  { name: '刘洋', title: '运维主管' },
  { name: '陈静', title: '财务总监' },
  { name: 'Mark Johnson', title: 'IT Security Lead' },
  { name: 'Aisha Bello', title: 'Finance Analyst' },
  { name: 'Hiro Tanaka', title: 'Quality Manager' },
];

const NAME_SUFFIXES = ['', ' – Phase 2', ' – Extension', ' (North)', ' (South)', ' – Framework', ' – Pilot', ' – Renewal', ' 二期', ' – Lot B'];

export interface DeskSeedOptions {
  records: number;
  /** Today (epoch ms): the corpus's dates are moved so that its `now` falls here. */
  now: number;
  /** Share of records with the team's facts (notes, values, people, team), and of records with notes only. */
  withFacts: number;
  notesOnly: number;
}

export interface DeskSeedCounts {
  records: number;
  snapshots: number;
  notes: number;
  requirementValues: number;
  stakeholders: number;
  assignments: number;
  directory: number;
  fields: number;
  contacts: number;
  crms: Record<string, number>;
  ms: number;
}

/** Writes the records and their facts in batches of one transaction each; returns what was written. */
export async function seedDesk(options: DeskSeedOptions): Promise<DeskSeedCounts> {
  const start = performance.now();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('iron-triangle');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const counts: DeskSeedCounts = { records: 0, snapshots: 0, notes: 0, requirementValues: 0, stakeholders: 0, assignments: 0, directory: 0, fields: 0, contacts: 0, crms: {}, ms: 0 };
  const shift = options.now - DEAL_CORPUS_NOW;
  const templates = DEAL_CORPUS.map((deal) => dealInputOf(deal, DEFAULT_PLAYBOOK));

  await write(db, ['directory'], (stores) => {
    for (const person of DEAL_DIRECTORY) {
      stores.directory!.put(PersonSchema.parse(person));
      counts.directory++;
    }
  });

  const BATCH = 250;
  for (let first = 0; first < options.records; first += BATCH) {
    await write(db, ['records', 'snapshots', 'notes', 'requirementValues', 'stakeholders', 'assignments'], (stores) => {
      for (let n = first; n < Math.min(options.records, first + BATCH); n++) {
        const template = templates[n % templates.length]!;
        const snapshot = recordOf(template.record, n, options.now, shift);
        const key = recordKey(snapshot);
        const lastSeenAt = snapshot.readAt;
        stores.records!.put(
          StoredRecordSchema.parse({ recordKey: key, crm: snapshot.crm, host: snapshot.host, objectType: snapshot.objectType, recordId: snapshot.recordId, name: snapshot.name, url: snapshot.url, lastSeenAt }),
        );
        stores.snapshots!.put(StoredSnapshotSchema.parse({ recordKey: key, snapshot }));
        counts.records++;
        counts.snapshots++;
        counts.fields += snapshot.fields.length;
        counts.contacts += snapshot.contacts.length;
        counts.crms[snapshot.crm] = (counts.crms[snapshot.crm] ?? 0) + 1;

        // Which records the team worked on: spread over the list, not the first ones.
        const share = ((n * 2654435761) >>> 0) / 2 ** 32;
        if (share >= options.withFacts + options.notesOnly) continue;
        const facts = template.facts;
        const noteId = (id: string) => `bench-desk-${n}-${id}`.slice(0, 64);
        for (const note of facts.notes) {
          stores.notes!.put(
            StoredNoteSchema.parse({ id: noteId(note.id), text: note.text, pageTitle: note.pageTitle, url: note.url, capturedAt: note.capturedAt + shift, recordKey: key, recordName: snapshot.name }),
          );
          counts.notes++;
        }
        if (share >= options.withFacts) continue;
        facts.requirementValues.forEach((value, index) => {
          const source = value.source.kind === 'note' ? { ...value.source, noteId: noteId(value.source.noteId) } : value.source;
          stores.requirementValues!.put(StoredRequirementValueSchema.parse({ ...value, source, setAt: value.setAt + shift, id: `bench-desk-${n}-v${index}`, recordKey: key }));
          counts.requirementValues++;
        });
        for (const person of facts.stakeholders) {
          const moved = person.lastEngagedAt === undefined ? person : { ...person, lastEngagedAt: person.lastEngagedAt + shift };
          stores.stakeholders!.put(StoredStakeholderSchema.parse({ ...moved, recordKey: key, updatedAt: lastSeenAt }));
          counts.stakeholders++;
        }
        for (const assignment of facts.assignments) {
          stores.assignments!.put(StoredAssignmentSchema.parse({ ...assignment, recordKey: key, assignedAt: lastSeenAt }));
          counts.assignments++;
        }
      }
    });
  }
  db.close();
  counts.ms = performance.now() - start;
  return counts;
}

/** Record `n`: the template deal under its own id and name, with its page padded as a real CRM page is. */
function recordOf(template: RecordSnapshot, n: number, now: number, shift: number): RecordSnapshot {
  const recordId = `${template.recordId}-${n}`.slice(0, 64);
  const scale = 0.4 + ((n * 37) % 100) / 40; // 0.4 … 2.875
  const amount =
    template.amount && template.amount.value !== null
      ? { ...template.amount, value: Math.round(template.amount.value * scale), text: template.amount.text.replace(/[\d,.]+/, (Math.round(template.amount.value * scale)).toLocaleString('en-US', { minimumFractionDigits: 2 })) }
      : template.amount;
  const closeDate = template.closeDate && /^\d{4}-\d{2}-\d{2}$/.test(template.closeDate) ? new Date(Date.parse(template.closeDate) + shift + ((n % 120) - 40) * DAY).toISOString().slice(0, 10) : template.closeDate;
  const fields = [...template.fields, ...EXTRA_FIELDS.slice(0, 22 + (n % (EXTRA_FIELDS.length - 21))).map(([label, value]) => ({ label, value: value(n) }))];
  const extraContacts = EXTRA_CONTACTS.slice(0, (n * 5) % (EXTRA_CONTACTS.length + 1)).map((contact, index) => ({ ...contact, email: `${contact.name.replace(/\s+/g, '.').toLowerCase()}.${n}.${index}@customer.example` }));
  const contacts = [...template.contacts, ...extraContacts];
  const unread = unreadContactDetails(contacts);
  const { unreadContactDetails: _templateUnread, ...rest } = template;
  const readAt = now - ((n * 7_919) % (180 * 24)) * 3_600_000; // seen some time in the last 180 days
  return RecordSnapshotSchema.parse({
    ...rest,
    ...(unread.length > 0 && { unreadContactDetails: unread }),
    recordId,
    url: template.url.replace(template.recordId, recordId),
    name: `${template.name}${NAME_SUFFIXES[n % NAME_SUFFIXES.length]} #${n}`,
    ...(amount && { amount }),
    ...(closeDate !== undefined && { closeDate }),
    fields,
    contacts,
    readAt,
  });
}

type Stores = Partial<Record<string, IDBObjectStore>>;

async function write(db: IDBDatabase, names: string[], fill: (stores: Stores) => void): Promise<void> {
  const tx = db.transaction(names, 'readwrite');
  const stores: Stores = Object.fromEntries(names.map((name) => [name, tx.objectStore(name)]));
  fill(stores);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}
