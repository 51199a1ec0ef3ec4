// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { t } from '@/lib/i18n';
import { validSnapshot } from '@/test/support/snapshots';
import { RecordHeader } from './RecordHeader';
import { describeInEachLocale, expectOnlyLocaleText } from './testing/locales';

const plain = (text: string | null) => text?.replace(/\s/g, ' ');
const DATA = ['USD', 'Nile Telecom – Solar Hybrid Sites', 'Needs Analysis', 'Salesforce Lightning', 'Priya Nair', 'Nile Telecom'];

describeInEachLocale('RecordHeader', (locale) => {
  it('shows the record’s facts, the amount and close date in the locale’s format, and which adapter read them', () => {
    const { container } = render(<RecordHeader record={{ ...validSnapshot, closeDate: '3/31/2027', owner: 'Priya Nair', account: 'Nile Telecom' }} />);
    expect(screen.getByTestId('record-name').textContent).toBe('Nile Telecom – Solar Hybrid Sites');
    expect(screen.getByTestId('record-stage').textContent).toBe('Needs Analysis');
    expect(plain(screen.getByTestId('record-amount').textContent)).toBe('USD 1,250,000.00');
    expect(screen.getByTestId('record-close-date').textContent).toBe(locale === 'en' ? 'Mar 31, 2027' : '2027年3月31日');
    expect(screen.getByTestId('adapter-health').textContent).toBe(t('healthReadBy', 'Salesforce Lightning'));
    expect(screen.getByText(t('fieldCloseDate'))).toBeTruthy();
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('keeps a date or amount it cannot read as the CRM shows it', () => {
    render(<RecordHeader record={{ ...validSnapshot, closeDate: '3/4/2027', amount: { text: 'TBD', value: null } }} />);
    expect(screen.getByTestId('record-close-date').textContent).toBe('3/4/2027');
    expect(screen.getByTestId('record-amount').textContent).toBe('TBD');
  });

  it('says which parts it could not read', () => {
    const { container } = render(<RecordHeader record={{ ...validSnapshot, stage: undefined, amount: undefined, missing: ['stage', 'amount'] }} />);
    expect(screen.getByTestId('record-stage').textContent).toBe(t('valueNotRead'));
    expect(screen.getByTestId('adapter-health').textContent).toContain(t('healthMissing', `${t('partStage')}, ${t('partAmount')}`, 'Salesforce Lightning'));
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('renders markup from the page as text', () => {
    render(<RecordHeader record={{ ...validSnapshot, name: '<img src=x onerror=alert(1)>' }} />);
    expect(screen.getByTestId('record-name').textContent).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});
