// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { t } from '@/lib/i18n';
import { NoRecord } from './NoRecord';
import { describeInEachLocale, expectOnlyLocaleText } from './testing/locales';

describeInEachLocale('NoRecord', (locale) => {
  it('explains an unrecognised CRM page, naming the CRM', () => {
    const { container } = render(<NoRecord state={{ kind: 'unrecognised', reason: 'unsupported-object', adapter: 'salesforce' }} />);
    expect(screen.getByRole('heading').textContent).toBe(t('panelNoRecord'));
    expect(screen.getByTestId('no-record-reason').textContent).toBe(t('reasonUnsupportedObject', 'Salesforce Lightning'));
    expectOnlyLocaleText(container, locale, ['Salesforce Lightning']);
  });

  it('says a record page not read yet is being read, not that there is no record', () => {
    const { container } = render(<NoRecord state={{ kind: 'unrecognised', reason: 'not-read-yet', adapter: 'salesforce' }} />);
    expect(screen.getByRole('status').textContent).toBe(t('reasonNotReadYet', 'Salesforce Lightning'));
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.queryByText(t('panelNoRecord'))).toBeNull();
    expectOnlyLocaleText(container, locale, ['Salesforce Lightning']);
  });

  it('says plainly when the tab has no CRM record, with a hint', () => {
    const { container } = render(<NoRecord state={{ kind: 'none' }} />);
    expect(screen.getByRole('heading').textContent).toBe(t('panelNoRecord'));
    expect(screen.getByText(t('panelNoRecordHint'))).toBeTruthy();
    expect(screen.queryByTestId('no-record-reason')).toBeNull();
    expectOnlyLocaleText(container, locale);
  });
});
