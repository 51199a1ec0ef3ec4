import { describe, expect, it } from 'vitest';
import { scoreTitleCorpus, TITLE_CORPUS } from '../../bench/title-quality';
import { LOCALES } from '../domain/locale';
import { DEFAULT_PLAYBOOK } from '../playbook/default-playbook';

const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.85;

const score = scoreTitleCorpus(DEFAULT_PLAYBOOK);
const figures = (quality: { precision: number; recall: number }) =>
  `precision ${quality.precision.toFixed(3)}, recall ${quality.recall.toFixed(3)}`;

describe('job titles of the labelled corpus (bench/corpora/titles.json) on the default playbook', () => {
  it('labels titles in both languages, with roles the playbook has', () => {
    const roleIds = new Set(DEFAULT_PLAYBOOK.decisionRoles.map((role) => role.id));
    expect(TITLE_CORPUS.length).toBeGreaterThanOrEqual(120);
    expect([...new Set(TITLE_CORPUS.map((entry) => entry.lang))].sort()).toEqual([...LOCALES].sort());
    expect(TITLE_CORPUS.flatMap((entry) => entry.roles).filter((roleId) => !roleIds.has(roleId))).toEqual([]);
    expect(new Set(TITLE_CORPUS.map((entry) => entry.title)).size).toBe(TITLE_CORPUS.length);
  });

  const languages = [...score.byLanguage].map(([lang, quality]) => `${lang}: ${figures(quality)}`).join('; ');
  it(`classifies ${score.overall.titles} titles with micro ${figures(score.overall)} (${languages})`, () => {
    console.info(`titles: ${figures(score.overall)}; ${languages}; ${score.mistakes.length} titles not as labelled`);
    expect(score.overall.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(score.overall.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});
