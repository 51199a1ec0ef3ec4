// @vitest-environment happy-dom
import { render, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Figure } from '@/lib/domain/figure';
import { describeInEachLocale } from '@/components/testing/locales';
import { FigureList } from './Suggestion';

const FIGURES: Figure[] = [
  { kind: 'amount', text: 'USD 1.2M', start: 0, value: 1_200_000, currency: 'USD' },
  { kind: 'percent', text: '10%', start: 10, value: 10 },
  { kind: 'quantity', text: '120 sites', start: 15, value: 120, unit: 'site' },
  { kind: 'date', text: 'Q2 2027', start: 26, from: '2027-04-01', to: '2027-06-30' },
  { kind: 'period', text: 'within 8 weeks', start: 35, days: 56 },
  { kind: 'negation', text: 'no', start: 50 },
];

describeInEachLocale('FigureList', (locale) => {
  it('shows every figure normalised in the user’s language, with the note’s own words on hover', () => {
    const { container } = render(<FigureList figures={FIGURES} />);
    const shown = within(container).getByTestId('figures');
    const items = [...shown.querySelectorAll('.figure')];
    expect(items.map((item) => item.getAttribute('data-kind'))).toEqual(FIGURES.map((figure) => figure.kind));
    expect(items.map((item) => item.getAttribute('title'))).toEqual(FIGURES.map((figure) => figure.text));
    expect(items[0]!.textContent).toMatch(/USD\s?1,200,000/);
    expect(items[1]!.textContent).toBe('10%');
    expect(items[3]!.textContent).toMatch(locale === 'en' ? /Apr 1.*Jun 30, 2027/ : /2027\D+4\D+1\D.*6\D+30/);
    expect(items[4]!.textContent).toBe(locale === 'en' ? '56 days' : '56 天');
  });
});

describe('FigureList without figures', () => {
  it('renders nothing', () => {
    expect(render(<FigureList figures={[]} />).container.textContent).toBe('');
    expect(render(<FigureList figures={undefined} />).container.textContent).toBe('');
  });
});
