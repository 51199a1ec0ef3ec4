import { normalizeName } from '@/lib/domain/normalize';
import type { Person } from '@/lib/domain/team';
import type { ProfileDimension } from './deal-profile';
import { compileKeywordMatcher, type KeywordMatcher } from '@/lib/text/keyword-matcher';

/** The directory field that holds each profile dimension's terms. */
export const TERMS_OF = { industry: 'industries', region: 'regions', language: 'languages' } as const satisfies Record<
  ProfileDimension,
  keyof Person
>;

/** A colleague with skills and terms as numbers, so ranking thousands of people compares numbers, not strings. */
export interface IndexedPerson {
  person: Person;
  /** For each entry of `person.skills`, the id of its normalised form. */
  skillIds: readonly number[];
  /** Per dimension, for each of the person's terms, the term's id. */
  termIds: Record<ProfileDimension, readonly number[]>;
}

export interface TermTable {
  count: number;
  /** Finds the directory's terms (by id) in a deal's value: whole words, any case. */
  matcher: KeywordMatcher<number>;
}

/**
 * The team directory prepared for ranking: people by role, terms as ids.
 * Cached per directory array, like the compiled playbook, as the panel keeps
 * one directory while records change.
 */
export interface DirectoryIndex {
  namesById: ReadonlyMap<string, string>;
  byRole: ReadonlyMap<string, readonly IndexedPerson[]>;
  /** Normalised skill -> id. */
  skillIds: ReadonlyMap<string, number>;
  skillCount: number;
  terms: Record<ProfileDimension, TermTable>;
}

const cache = new WeakMap<readonly Person[], DirectoryIndex>();

export function indexDirectory(directory: readonly Person[]): DirectoryIndex {
  let index = cache.get(directory);
  if (index === undefined) {
    index = buildIndex(directory);
    cache.set(directory, index);
  }
  return index;
}

function buildIndex(directory: readonly Person[]): DirectoryIndex {
  const skills = new Interner();
  const terms = { industry: new Interner(), region: new Interner(), language: new Interner() };
  const byRole = new Map<string, IndexedPerson[]>();

  for (const person of directory) {
    const entry: IndexedPerson = {
      person,
      skillIds: person.skills.map((skill) => skills.id(normalizeName(skill))),
      termIds: {
        industry: person.industries.map((term) => terms.industry.id(term)),
        region: person.regions.map((term) => terms.region.id(term)),
        language: person.languages.map((term) => terms.language.id(term)),
      },
    };
    for (const roleId of new Set(person.roles)) {
      const people = byRole.get(roleId);
      if (people) people.push(entry);
      else byRole.set(roleId, [entry]);
    }
  }

  const termTable = (dimension: ProfileDimension): TermTable => ({
    count: terms[dimension].size,
    matcher: compileKeywordMatcher(terms[dimension].keys().map((term, id) => ({ key: id, keywords: [term] }))),
  });
  return {
    namesById: new Map(directory.map((person) => [person.id, person.name])),
    byRole,
    skillIds: skills.ids,
    skillCount: skills.size,
    terms: { industry: termTable('industry'), region: termTable('region'), language: termTable('language') },
  };
}

/** Gives each distinct string a small number, in order of first appearance. */
class Interner {
  readonly ids = new Map<string, number>();

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  keys(): string[] {
    return [...this.ids.keys()];
  }
}
