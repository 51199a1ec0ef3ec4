import { normalizeName } from '@/lib/domain/normalize';
import type { Person } from '@/lib/domain/team';
import type { Matching, TeamRole } from '@/lib/playbook/schema';
import { compareText } from './compare';
import { PROFILE_DIMENSIONS, type DealProfile, type ProfileDimension } from './deal-profile';
import { TERMS_OF, type DirectoryIndex, type IndexedPerson, type TermTable } from './directory-index';
import { explanation, type Explanation } from '@/lib/domain/explain';
import { TopN } from './top-n';

export type MatchFactor = 'skill' | ProfileDimension | 'capacity';

/** One reason a colleague fits, with the points it earned ("skill: solar power", "2 of 5 slots free"). */
export interface ScoreFactor {
  factor: MatchFactor;
  points: number;
  explanation: Explanation;
}

export interface Candidate {
  personId: string;
  name: string;
  score: number;
  factors: ScoreFactor[];
}

export interface CandidateRanker {
  /** The best-fitting colleagues who can take `role`, except `excluded` people. */
  rank(role: TeamRole, excluded: ReadonlySet<string>): Candidate[];
}

const MESSAGE_BY_DIMENSION = { industry: 'match.industry', region: 'match.region', language: 'match.language' } as const;

/** How well a colleague fits a role and the deal, as points per factor. */
interface Fit {
  entry: IndexedPerson;
  points: Record<MatchFactor, number>;
  score: number;
}

/** Marks by id: which skills the role wants, which directory terms the deal mentions. */
type Marks = Uint8Array;

/**
 * Ranks colleagues per role by skills the role wants, the deal's industry,
 * region and language, and free capacity. Ties go to name, then id, so the
 * order never depends on the directory's order. Only the colleagues shown get
 * readable explanations, as the directory can be large.
 */
export function createCandidateRanker(directory: DirectoryIndex, profile: DealProfile, matching: Matching): CandidateRanker {
  const { weights } = matching;
  const inDeal: Record<ProfileDimension, Marks> = {
    industry: termsMentioned(directory.terms.industry, profile.industry),
    region: termsMentioned(directory.terms.region, profile.region),
    language: termsMentioned(directory.terms.language, profile.language),
  };

  const fit = (entry: IndexedPerson, wantedSkills: Marks): Fit => {
    const { person, termIds } = entry;
    const points = {
      skill: weights.skill * countMarked(entry.skillIds, wantedSkills),
      industry: countMarked(termIds.industry, inDeal.industry) > 0 ? weights.industry : 0,
      region: countMarked(termIds.region, inDeal.region) > 0 ? weights.region : 0,
      language: countMarked(termIds.language, inDeal.language) > 0 ? weights.language : 0,
      capacity: person.capacity > 0 ? (weights.capacity * freeSlots(person)) / person.capacity : 0,
    };
    const score = roundPoints(points.skill + points.industry + points.region + points.language + points.capacity);
    return { entry, points, score };
  };

  return {
    rank(role, excluded) {
      const wantedSkills = new Uint8Array(directory.skillCount);
      for (const skill of role.skills) {
        const id = directory.skillIds.get(normalizeName(skill));
        if (id !== undefined) wantedSkills[id] = 1;
      }
      const best = new TopN<Fit>(matching.maxCandidates, byScoreThenNameThenId);
      for (const entry of directory.byRole.get(role.id) ?? []) {
        if (!excluded.has(entry.person.id)) best.offer(fit(entry, wantedSkills));
      }
      return best.items.map((candidate) => toCandidate(candidate, wantedSkills, inDeal));
    },
  };
}

function toCandidate({ entry, points, score }: Fit, wantedSkills: Marks, inDeal: Record<ProfileDimension, Marks>): Candidate {
  const { person } = entry;
  const factors: ScoreFactor[] = [];
  const skills = marked(person.skills, entry.skillIds, wantedSkills);
  if (skills.length > 0) factors.push({ factor: 'skill', points: points.skill, explanation: explanation('match.skill', { skills }) });
  for (const dimension of PROFILE_DIMENSIONS) {
    const terms = marked(person[TERMS_OF[dimension]], entry.termIds[dimension], inDeal[dimension]);
    if (terms.length > 0) {
      factors.push({ factor: dimension, points: points[dimension], explanation: explanation(MESSAGE_BY_DIMENSION[dimension], { terms }) });
    }
  }
  factors.push({
    factor: 'capacity',
    points: roundPoints(points.capacity),
    explanation: explanation('match.capacity', { free: freeSlots(person), capacity: person.capacity }),
  });
  return { personId: person.id, name: person.name, score, factors };
}

/** Marks the directory terms that `dealValue` mentions. */
function termsMentioned(table: TermTable, dealValue: string | undefined): Marks {
  const marks = new Uint8Array(table.count);
  if (dealValue !== undefined) for (const id of table.matcher.scan(dealValue).keys()) marks[id] = 1;
  return marks;
}

function countMarked(ids: readonly number[], marks: Marks): number {
  let count = 0;
  for (const id of ids) count += marks[id]!;
  return count;
}

/** The items (parallel to `ids`) whose id is marked, as the person wrote them. */
function marked(items: readonly string[], ids: readonly number[], marks: Marks): string[] {
  return items.filter((_, index) => marks[ids[index]!] === 1);
}

function freeSlots(person: Person): number {
  return Math.max(0, person.capacity - person.openDeals);
}

/** Two decimals: enough to rank, and equal fits tie exactly instead of by floating-point noise. */
function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

function byScoreThenNameThenId(a: Fit, b: Fit): number {
  return b.score - a.score || compareText(a.entry.person.name, b.entry.person.name) || compareText(a.entry.person.id, b.entry.person.id);
}
