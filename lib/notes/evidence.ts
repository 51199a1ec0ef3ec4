import { LOCALES } from '@/lib/domain/locales';
import type { Playbook, Requirement } from '@/lib/playbook/schema';
import { compileKeywordMatcher, type KeywordHit, type KeywordMatcher } from '@/lib/text/keyword-matcher';
import { onWordBoundaries } from './chinese-words';

/**
 * A playbook's requirement evidence turned into one matcher, so a statement
 * is read once whatever the number of phrases. Each phrase is its own set in
 * the matcher, so a phrase inside an exclusion ("on delivery") does not hide
 * the same fact's other phrases in the statement.
 */
interface PhraseSet {
  requirement: Requirement;
  /** `keyword`: counts alone; `cue`: counts beside an expected figure; `exclude`: voids the fact's phrases it covers. */
  strength: 'keyword' | 'cue' | 'exclude';
}

export interface EvidenceHit {
  requirement: Requirement;
  strength: 'keyword' | 'cue';
  hit: KeywordHit;
}

export interface CompiledEvidence {
  /** The requirements a statement states, each with its first valid phrase, before figures are considered. */
  hitsIn(statement: string): EvidenceHit[];
}

/** How many times a statement is read again past an exclusion: a statement holds few of them. */
const MAX_RESCANS = 3;

const cache = new WeakMap<Playbook, CompiledEvidence>();

export function compileEvidence(playbook: Playbook): CompiledEvidence {
  let compiled = cache.get(playbook);
  if (compiled === undefined) {
    compiled = compile(playbook);
    cache.set(playbook, compiled);
  }
  return compiled;
}

function compile(playbook: Playbook): CompiledEvidence {
  const sets = playbook.requirements.flatMap((requirement) => [
    ...phraseSets(requirement, 'keyword', requirement.keywords),
    ...phraseSets(requirement, 'cue', requirement.cues),
    ...phraseSets(requirement, 'exclude', requirement.excludes),
  ]);
  const matcher: KeywordMatcher<PhraseSet> = compileKeywordMatcher(sets);
  /** Valid hits of every phrase set from `offset` on; a phrase whose first hit is excluded is looked for again after the exclusion. */
  const validHits = (statement: string, offset: number, depth: number): [PhraseSet, KeywordHit][] => {
    const hits = [...matcher.scan(statement.slice(offset))]
      .map(([set, hit]): [PhraseSet, KeywordHit] => [set, { ...hit, start: hit.start + offset, end: hit.end + offset }])
      .filter(([, hit]) => onWordBoundaries(statement, hit.start, hit.end));
    const exclusions = hits.filter(([set]) => set.strength === 'exclude');
    const valid: [PhraseSet, KeywordHit][] = [];
    let resumeAt = -1;
    for (const [set, hit] of hits) {
      if (set.strength === 'exclude') continue;
      const exclusion = exclusions.find(([other, range]) => other.requirement === set.requirement && range.start <= hit.start && hit.end <= range.end);
      if (exclusion === undefined) valid.push([set, hit]);
      else resumeAt = Math.max(resumeAt, exclusion[1].end);
    }
    return resumeAt > offset && depth < MAX_RESCANS ? [...valid, ...validHits(statement, resumeAt, depth + 1)] : valid;
  };
  return {
    hitsIn(statement) {
      const first = new Map<Requirement, EvidenceHit>();
      for (const [set, hit] of validHits(statement, 0, 0)) {
        if (set.strength === 'exclude') continue;
        const known = first.get(set.requirement);
        // A keyword beats a cue; between equals the earlier phrase is the one quoted.
        if (known === undefined || rank(set.strength, hit) < rank(known.strength, known.hit)) {
          first.set(set.requirement, { requirement: set.requirement, strength: set.strength, hit });
        }
      }
      return [...first.values()];
    },
  };
}

function rank(strength: 'keyword' | 'cue', hit: KeywordHit): number {
  return (strength === 'keyword' ? 0 : 1e9) + hit.start;
}

function phraseSets(requirement: Requirement, strength: PhraseSet['strength'], phrases: Requirement['keywords']) {
  // One set per phrase (see above); the same phrase object for every language, as a note may mix them.
  return LOCALES.flatMap((locale) => phrases[locale]).map((phrase) => ({ key: { requirement, strength }, keywords: [phrase] }));
}
