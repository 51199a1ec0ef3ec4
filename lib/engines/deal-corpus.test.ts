import { describe, expect, it } from 'vitest';
import { DEAL_CORPUS, DEAL_CORPUS_RULES, scoreDealCorpus, type DealQuality } from '@/bench/deal-quality';
import { LOCALES } from '@/lib/domain/locales';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import type { GapKind } from './decision-chain';

/**
 * Next actions of the corpus (bench/corpora/deals.json), labelled from the
 * sales method before the engines ran. First run: 23 of 49 must-see items
 * (0.469). After fixing what it showed (placeholders taken for facts, sales
 * facts and customer roles still asked after signature, a note's fact and a
 * person who carries the deal losing every tie): 37 of 49 (0.755; en 0.76,
 * zh-CN 0.75). Those fixes were made against this corpus, so a fresh one
 * would score lower. Floors a little under, so a change that ranks worse shows.
 * The snapshots say, as the readers do, which contact details no contact shows
 * (roles on HubSpot, Pipedrive and most Dynamics deals): the figures stayed at
 * 0.755, as titles place people there; lowering every uncovered role to a check
 * whenever any one contact's title names no role would have fallen to 0.714.
 */
const MIN_HIT_RATE = 0.72;
const MIN_HIT_RATE_PER_LANGUAGE = 0.68;

/** No fact is shown captured that nobody captured. */
const KNOWN_FALSE_CAPTURES: string[] = [];

const GAP_KINDS: readonly GapKind[] = [
  'role-uncovered',
  'no-owner',
  'stance-unknown',
  'opponent-without-plan',
  'stale-engagement',
  'single-threaded',
  'only-top-engaged',
];

const score = scoreDealCorpus(DEFAULT_PLAYBOOK);
const figures = (quality: DealQuality) =>
  `next-action hit ${quality.hitRate.toFixed(3)} (${quality.mustSee} items), false captures ${quality.falseCaptured}, missed captures ${quality.missedCaptured}, over the high ceiling ${quality.overCeiling}/${quality.deals}`;
const byLanguage = [...score.byLanguage].map(([lang, quality]) => `${lang}: ${figures(quality)}`).join('; ');

describe('realistic deals of the labelled corpus (bench/corpora/deals.json) on the default playbook', () => {
  it('labels at least 30 deals, about half in each language, with the rules written down', () => {
    expect(DEAL_CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(DEAL_CORPUS_RULES.length).toBeGreaterThan(0);
    expect([...new Set(DEAL_CORPUS.map((deal) => deal.lang))].sort()).toEqual([...LOCALES].sort());
    for (const lang of LOCALES) {
      expect(DEAL_CORPUS.filter((deal) => deal.lang === lang).length).toBeGreaterThanOrEqual(Math.floor(DEAL_CORPUS.length * 0.4));
    }
    expect(new Set(DEAL_CORPUS.map((deal) => deal.id)).size).toBe(DEAL_CORPUS.length);
  });

  it('labels only what the playbook and the panel can name', () => {
    const requirementIds = new Set(DEFAULT_PLAYBOOK.requirements.map((requirement) => requirement.id));
    const subjects: Record<string, ReadonlySet<string>> = {
      'requirement-missing': requirementIds,
      'role-missing': new Set(DEFAULT_PLAYBOOK.teamRoles.map((role) => role.id)),
      'chain-gap': new Set([...DEFAULT_PLAYBOOK.decisionRoles.map((role) => role.id), ...GAP_KINDS.filter((kind) => kind !== 'role-uncovered')]),
    };
    const unknown: string[] = [];
    for (const deal of DEAL_CORPUS) {
      const { mustSee, captured, notCaptured, highAtMost } = deal.labels;
      expect(mustSee.length, deal.id).toBeGreaterThanOrEqual(1);
      expect(mustSee.length, deal.id).toBeLessThanOrEqual(2);
      expect(highAtMost, deal.id).toBeGreaterThanOrEqual(0);
      expect(captured.filter((id) => notCaptured.includes(id)), deal.id).toEqual([]);
      for (const item of mustSee) {
        const [kind = '', subject = ''] = item.split(':');
        if (!subjects[kind]?.has(subject)) unknown.push(`${deal.id}: ${item}`);
      }
      for (const id of [...captured, ...notCaptured]) if (!requirementIds.has(id)) unknown.push(`${deal.id}: ${id}`);
    }
    expect(unknown).toEqual([]);
  });

  it(`puts the must-see items among the next actions: ${figures(score.overall)} (${byLanguage})`, () => {
    console.info(`deals: ${figures(score.overall)}; ${byLanguage}`);
    for (const deal of score.deals) {
      if (deal.missedMustSee.length > 0) console.info(`  ${deal.id}: must see [${deal.missedMustSee.join(', ')}], next [${deal.next.join(', ')}]`);
    }
    expect(score.overall.hitRate).toBeGreaterThanOrEqual(MIN_HIT_RATE);
    for (const quality of score.byLanguage.values()) expect(quality.hitRate).toBeGreaterThanOrEqual(MIN_HIT_RATE_PER_LANGUAGE);
  });

  it('never shows a fact nobody captured as captured or confirmed (but for the known placeholder defect)', () => {
    const falseCaptures = score.deals.flatMap((deal) => deal.falseCaptured.map((fact) => `${deal.id}: ${fact.requirementId}`));
    console.info(`false captures: ${falseCaptures.length} (${falseCaptures.join('; ') || 'none'})`);
    expect(falseCaptures).toEqual(KNOWN_FALSE_CAPTURES);
  });

  it('shows every fact the team captured as captured', () => {
    expect(score.deals.flatMap((deal) => deal.missedCaptured.map((fact) => `${deal.id}: ${fact.requirementId} ${fact.status}`))).toEqual([]);
  });
});
