/**
 * Whether the panel says what is true and puts first what matters, measured on
 * the hand-labelled corpus bench/corpora/deals.json: realistic deals (CRM
 * record, stored notes, values, people and assignments, a team directory),
 * each labelled from the sales method before the engines were run on it.
 * `analyzeDeal` runs on every deal with the given playbook at the corpus's
 * fixed `now`, and the figures are:
 * - next-action hit rate: the share of the labelled must-see items (1–2 per
 *   deal, `kind:subject`) found among `findings.next`;
 * - false captures: labelled not-captured facts the panel shows as captured or
 *   confirmed (a hint, an unaccepted note or a placeholder taken for the fact);
 * - missed captures: labelled captured facts the panel does not show as such;
 * - deals over their ceiling: deals whose high count exceeds the labelled
 *   `highAtMost` (a panel crying wolf).
 * Overall and per language. Shared by the unit test that holds the line
 * (lib/engines/deal-corpus.test.ts) and the benchmark that records the figures
 * (bench/deals.bench.mjs).
 */
import { unreadContactDetails } from '../lib/crm/adapters/common';
import { recordKey, RecordSnapshotSchema, type RecordSnapshot } from '../lib/crm/snapshot';
import { DealFactsSchema, type DealFacts } from '../lib/domain/deal-facts';
import { stakeholderIdForContact } from '../lib/domain/stakeholder';
import { PersonSchema, type Person } from '../lib/domain/team';
import { analyzeDeal, type DealAnalysis } from '../lib/engines/analyze';
import type { DealInput } from '../lib/engines/input';
import type { Playbook } from '../lib/playbook/schema';
import corpus from './corpora/deals.json';

/** A deal as written in the corpus: compact, dates as ISO days, people by name. */
export interface CorpusDeal {
  id: string;
  /** `en` or `zh-CN`: the language the deal is recorded in. */
  lang: string;
  situation: string;
  record: {
    crm: string;
    stage?: string;
    name: string;
    account?: string;
    amount?: { text: string; value: number | null; currency?: string };
    owner?: string;
    closeDate?: string;
    /** CRM fields, label -> value, in the order the page shows them. */
    fields: Record<string, string>;
    contacts: { name: string; title?: string; role?: string; email?: string }[];
  };
  facts: {
    notes: { id: string; date: string; pageTitle: string; text: string }[];
    /** `source`: `manual`, `note:<note id>` or `crm:<field label>`. */
    values: { requirement: string; value: string; source: string; confirmed: boolean; by: string; date: string }[];
    /** A person whose name matches a record contact annotates that contact; anyone else is a manual entry. */
    people: {
      name: string;
      title?: string;
      roles?: string[];
      stance: string;
      influence: string;
      owner?: string;
      lastContact?: string;
      plan?: string;
    }[];
    /** Team role id -> directory person id. */
    team: Record<string, string>;
    stageOverride?: { stageId: string; fromCrmStage: string; setBy: string; date: string };
  };
  labels: DealLabels;
}

export interface DealLabels {
  /** `kind:subject` items that must be among the next actions. */
  mustSee: string[];
  /** Requirement ids that must show as captured or confirmed. */
  captured: string[];
  /** Requirement ids nobody captured: never shown as captured or confirmed. */
  notCaptured: string[];
  /** The most high findings a sensible panel shows for this deal. */
  highAtMost: number;
  why: string;
}

interface CorpusFile {
  now: string;
  rules: string[];
  directory: unknown[];
  deals: CorpusDeal[];
}

const file = corpus as unknown as CorpusFile;

/** The moment every deal is analysed at (2025-06-02, 09:00 UTC). */
export const DEAL_CORPUS_NOW = Date.parse(file.now);
export const DEAL_CORPUS: readonly CorpusDeal[] = file.deals;
export const DEAL_CORPUS_RULES: readonly string[] = file.rules;
/** One object for every deal, as in the panel, so the directory index is built once. */
export const DEAL_DIRECTORY: readonly Person[] = file.directory.map((person) => PersonSchema.parse(person));

const HOSTS: Record<string, { host: string; objectType: string }> = {
  salesforce: { host: 'acme.lightning.force.com', objectType: 'Opportunity' },
  dynamics: { host: 'acme.crm4.dynamics.com', objectType: 'opportunity' },
  hubspot: { host: 'app-eu1.hubspot.com', objectType: 'deal' },
  zoho: { host: 'crm.zoho.com', objectType: 'Potentials' },
  pipedrive: { host: 'acme.pipedrive.com', objectType: 'deal' },
};

/** A day of the corpus (`2025-05-26`) as epoch ms: 09:00 UTC that day, the hour of `now`. */
function at(day: string): number {
  const time = Date.parse(`${day}T09:00:00Z`);
  if (Number.isNaN(time)) throw new Error(`Not a date: ${day}`);
  return time;
}

/** The engines' input for a corpus deal, validated by the schemas the extension validates with. */
export function dealInputOf(deal: CorpusDeal, playbook: Playbook): DealInput {
  const where = HOSTS[deal.record.crm] ?? { host: `${deal.record.crm}.example.com`, objectType: 'deal' };
  const recordId = deal.id.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);
  const { fields, contacts, ...parts } = deal.record;
  // As a reader reports it: a detail no contact carries (titles, roles) is unread, not absent.
  const unread = unreadContactDetails(contacts);
  const record: RecordSnapshot = RecordSnapshotSchema.parse({
    ...parts,
    host: where.host,
    objectType: where.objectType,
    recordId,
    url: `https://${where.host}/${where.objectType}/${recordId}`,
    fields: Object.entries(fields).map(([label, value]) => ({ label, value })),
    contacts,
    ...(unread.length > 0 && { unreadContactDetails: unread }),
    missing: [],
    adapter: deal.record.crm,
    readAt: DEAL_CORPUS_NOW,
  });

  const noteUrl = (noteId: string) => `https://mail.example.com/${recordId}/${noteId}`;
  const facts: DealFacts = DealFactsSchema.parse({
    notes: deal.facts.notes.map((note) => ({
      id: note.id,
      text: note.text,
      pageTitle: note.pageTitle,
      url: noteUrl(note.id),
      capturedAt: at(note.date),
      recordKey: recordKey(record),
    })),
    requirementValues: deal.facts.values.map((value) => ({
      fieldId: value.requirement,
      value: value.value,
      source: sourceOf(value.source, deal, noteUrl),
      confirmedByCustomer: value.confirmed,
      setBy: value.by,
      setAt: at(value.date),
    })),
    stakeholders: deal.facts.people.map((person) => {
      const contact = contacts.find((candidate) => candidate.name === person.name);
      return {
        id: contact ? stakeholderIdForContact(contact) : `manual:${recordId}:${person.name}`,
        name: person.name,
        ...((contact?.title ?? person.title) !== undefined && { title: contact?.title ?? person.title }),
        roles: person.roles ?? [],
        stance: person.stance,
        influence: person.influence,
        ...(person.owner !== undefined && { ourOwner: person.owner }),
        ...(person.lastContact !== undefined && { lastEngagedAt: at(person.lastContact) }),
        ...(person.plan !== undefined && { plan: person.plan }),
        source: contact ? 'crm' : 'manual',
      };
    }),
    assignments: Object.entries(deal.facts.team).map(([roleId, personId]) => ({ roleId, personId })),
    ...(deal.facts.stageOverride && {
      stageOverride: {
        stageId: deal.facts.stageOverride.stageId,
        fromCrmStage: deal.facts.stageOverride.fromCrmStage,
        setBy: deal.facts.stageOverride.setBy,
        setAt: at(deal.facts.stageOverride.date),
      },
    }),
  });
  return { playbook, record, facts, directory: DEAL_DIRECTORY, now: DEAL_CORPUS_NOW };
}

function sourceOf(source: string, deal: CorpusDeal, noteUrl: (noteId: string) => string) {
  if (source === 'manual') return { kind: 'manual' };
  if (source.startsWith('note:')) {
    const noteId = source.slice('note:'.length);
    const note = deal.facts.notes.find((candidate) => candidate.id === noteId);
    if (note === undefined) throw new Error(`${deal.id}: value from unknown note ${noteId}`);
    return { kind: 'note', noteId, quote: note.text, url: noteUrl(noteId) };
  }
  if (source.startsWith('crm:')) return { kind: 'crm-field', fieldLabel: source.slice('crm:'.length) };
  throw new Error(`${deal.id}: unknown value source ${source}`);
}

/** `kind:subject` of a finding, the form mustSee labels are written in. */
export function findingKey(finding: { kind: string; subject: string }): string {
  return `${finding.kind}:${finding.subject}`;
}

export interface DealResult {
  id: string;
  lang: string;
  labels: DealLabels;
  /** The next actions, as `kind:subject`. */
  next: string[];
  /** Every finding, most urgent first, as `kind:subject (severity)`. */
  all: string[];
  missedMustSee: string[];
  /** Labelled not-captured facts shown captured or confirmed, with the status shown. */
  falseCaptured: { requirementId: string; status: string }[];
  /** Labelled captured facts not shown as captured, with the status shown. */
  missedCaptured: { requirementId: string; status: string }[];
  high: number;
  overCeiling: boolean;
  analysis: DealAnalysis;
}

export interface DealQuality {
  deals: number;
  mustSee: number;
  /** Share of the must-see items found among the next actions. */
  hitRate: number;
  falseCaptured: number;
  missedCaptured: number;
  /** Deals whose high count exceeds their labelled ceiling. */
  overCeiling: number;
}

export interface DealCorpusScore {
  overall: DealQuality;
  byLanguage: ReadonlyMap<string, DealQuality>;
  deals: DealResult[];
}

const SHOWN_CAPTURED = new Set(['captured', 'confirmed']);

export function scoreDeal(deal: CorpusDeal, playbook: Playbook): DealResult {
  const analysis = analyzeDeal(dealInputOf(deal, playbook));
  const next = analysis.findings.next.map(findingKey);
  const status = new Map(analysis.requirements.fields.map((field) => [field.requirementId, field.status]));
  const statusOf = (requirementId: string) => status.get(requirementId) ?? 'not-in-playbook';
  const high = analysis.findings.counts.high;
  return {
    id: deal.id,
    lang: deal.lang,
    labels: deal.labels,
    next,
    all: analysis.findings.all.map((finding) => `${findingKey(finding)} (${finding.urgency.severity})`),
    missedMustSee: deal.labels.mustSee.filter((item) => !next.includes(item)),
    falseCaptured: deal.labels.notCaptured
      .filter((requirementId) => SHOWN_CAPTURED.has(statusOf(requirementId)))
      .map((requirementId) => ({ requirementId, status: statusOf(requirementId) })),
    missedCaptured: deal.labels.captured
      .filter((requirementId) => !SHOWN_CAPTURED.has(statusOf(requirementId)))
      .map((requirementId) => ({ requirementId, status: statusOf(requirementId) })),
    high,
    overCeiling: high > deal.labels.highAtMost,
    analysis,
  };
}

export function scoreDealCorpus(playbook: Playbook, deals: readonly CorpusDeal[] = DEAL_CORPUS): DealCorpusScore {
  const results = deals.map((deal) => scoreDeal(deal, playbook));
  const languages = [...new Set(results.map((result) => result.lang))].sort();
  return {
    overall: quality(results),
    byLanguage: new Map(languages.map((lang) => [lang, quality(results.filter((result) => result.lang === lang))])),
    deals: results,
  };
}

/** No must-see items at all counts as a perfect hit rate: nothing was missed. */
function quality(results: readonly DealResult[]): DealQuality {
  const mustSee = results.reduce((sum, result) => sum + result.labels.mustSee.length, 0);
  const missed = results.reduce((sum, result) => sum + result.missedMustSee.length, 0);
  return {
    deals: results.length,
    mustSee,
    hitRate: mustSee === 0 ? 1 : (mustSee - missed) / mustSee,
    falseCaptured: results.reduce((sum, result) => sum + result.falseCaptured.length, 0),
    missedCaptured: results.reduce((sum, result) => sum + result.missedCaptured.length, 0),
    overCeiling: results.filter((result) => result.overCeiling).length,
  };
}
