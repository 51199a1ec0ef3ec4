import type { Playbook } from '@/lib/playbook/schema';
import { compileEvidence, type EvidenceHit } from './evidence';
import { parseFigures } from './figures';
import { splitStatements, type Statement } from './statements';
import type { Figure } from './types';

/**
 * What a note proposes as the value of a requirement fact: the whole
 * statements that state it, with the figures they state. Everything that
 * reads notes — the panel, the options page's playbook lab, the admin CLI,
 * the benchmarks — goes through `proposeFacts`, so they all see the same.
 * (An on-device model could later propose through this same shape.)
 */
export interface Proposal {
  requirementId: string;
  /** The statements that state the fact, whole and in note order, blanks collapsed: the value unless the user edits it. */
  value: string;
  /** The note's own words, verbatim: the evidence kept with the value. */
  quote: string;
  /** The phrase that recognised the fact in the first statement. */
  keyword: string;
  /** Figures the value states, normalised (positions within `value`). */
  figures: Figure[];
  /** Where the first statement starts in the note. */
  start: number;
}

export interface NoteToRead {
  text: string;
  /** Epoch ms the note was captured: relative dates ("end of June") are read against it. */
  capturedAt: number;
}

/** A fact stated over more statements than this in one note keeps the first ones: a value, not the whole note. */
const MAX_STATEMENTS_PER_FACT = 3;

/** The facts a note states, in the playbook's order of requirements. */
export function proposeFacts(playbook: Playbook, note: NoteToRead): Proposal[] {
  const evidence = compileEvidence(playbook);
  const found = new Map<string, { hits: EvidenceHit[]; statements: Statement[] }>();
  for (const statement of splitStatements(note.text)) {
    const hits = evidence.hitsIn(statement.text);
    if (hits.length === 0) continue;
    const stated = statedFacts(hits, statement.text, note.capturedAt);
    for (const hit of stated) {
      const entry = found.get(hit.requirement.id) ?? { hits: [], statements: [] };
      if (entry.statements.length >= MAX_STATEMENTS_PER_FACT) continue;
      entry.hits.push(hit);
      entry.statements.push(statement);
      found.set(hit.requirement.id, entry);
    }
  }
  return playbook.requirements.flatMap((requirement) => {
    const entry = found.get(requirement.id);
    if (entry === undefined) return [];
    const value = joinStatements(entry.statements.map((statement) => collapseBlanks(statement.text)));
    return [
      {
        requirementId: requirement.id,
        value,
        quote: joinStatements(entry.statements.map((statement) => statement.text)),
        keyword: entry.hits[0]!.hit.keyword,
        figures: parseFigures(value, { now: note.capturedAt }),
        start: entry.statements[0]!.start,
      },
    ];
  });
}

/**
 * The hits of one statement that stand: a cue only beside a figure its fact
 * expects; no fact whose `notWith` fact is stated in the same statement.
 */
function statedFacts(hits: EvidenceHit[], statement: string, now: number): EvidenceHit[] {
  let figureKinds: Set<Figure['kind']> | undefined;
  const kinds = () => (figureKinds ??= new Set(parseFigures(statement, { now }).map((figure) => figure.kind)));
  const standing = hits.filter((hit) => hit.strength === 'keyword' || hit.requirement.expects.some((kind) => kinds().has(kind)));
  const stated = new Set(standing.map((hit) => hit.requirement.id));
  return standing.filter((hit) => !hit.requirement.notWith.some((other) => stated.has(other)));
}

function collapseBlanks(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Statements one after the other: a space after Latin text, none after Chinese punctuation. */
function joinStatements(statements: string[]): string {
  return statements.reduce((joined, statement) => (joined === '' ? statement : /[。！？；，]$/u.test(joined) ? `${joined}${statement}` : `${joined} ${statement}`), '');
}
