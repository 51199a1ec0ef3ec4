// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import defaultPlaybook from '@/lib/playbook/default-playbook.json';
import { setLocale, type Locale } from '@/lib/i18n';
import { PlaybookSchema } from '@/lib/playbook/schema';
import { DealSummaryLine } from './DealSummaryLine';
import { playbookLabels } from './text';

afterEach(() => {
  cleanup();
  setLocale('en');
});

const labels = () => playbookLabels(PlaybookSchema.parse(defaultPlaybook));

const CASES: Record<Locale, { gaps: string; unknown: string }> = {
  en: { gaps: '7 of 12 required facts · 3 decision-chain gaps · missing: Solution responsible (SR)', unknown: 'required facts unknown (stage not in the playbook) · 0 decision-chain gaps · team complete' },
  'zh-CN': { gaps: '必填信息 7/12 · 决策链缺口 3 项 · 缺少：', unknown: '必填信息未知（阶段不在作战手册中） · 决策链缺口 0 项 · 团队齐备' },
};

describe.each(Object.keys(CASES) as Locale[])('DealSummaryLine (%s)', (locale) => {
  it('says how many required facts are in, the decision-chain gaps and the missing roles, and carries the gap count', () => {
    setLocale(locale);
    render(<DealSummaryLine summary={{ requirements: { required: 12, captured: 7 }, decisionChainGaps: 3, missingRoles: ['sr'], gapCount: 9 }} labels={labels()} />);
    const line = screen.getByTestId('deal-summary');
    expect(line.textContent).toContain(CASES[locale].gaps);
    expect(line.textContent).toContain(labels().teamRole('sr'));
    expect(line.getAttribute('data-gaps')).toBe('9');
  });

  it('says when the stage is unknown and the team is complete', () => {
    setLocale(locale);
    render(<DealSummaryLine summary={{ requirements: null, decisionChainGaps: 0, missingRoles: [], gapCount: 0 }} labels={labels()} />);
    expect(screen.getByTestId('deal-summary').textContent).toBe(CASES[locale].unknown);
  });
});
