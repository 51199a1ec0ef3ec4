// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { STANCES, INFLUENCE_LEVELS } from '@/lib/domain/stakeholder';
import { t } from '@/lib/i18n';
import { directory } from '@/components/testing/deal';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { INFLUENCE_LABEL, STANCE_LABEL, StakeholderForm } from './StakeholderForm';

const DATA = ['Procurement', 'Fatima Idris', 'Head of Procurement', 'Li Wei', 'Ana Costa'];

describeInEachLocale('StakeholderForm', (locale) => {
  it('adds a person with stance, influence, our owner and last engagement', () => {
    const onSave = vi.fn();
    const { container } = render(<StakeholderForm roleLabel="Procurement" directory={directory} onSave={onSave} onCancel={vi.fn()} />);
    const form = screen.getByRole('form', { name: t('stakeholderAdd', 'Procurement') });
    fireEvent.change(within(form).getByLabelText(t('stakeholderName')), { target: { value: '  Fatima Idris ' } });
    fireEvent.change(within(form).getByLabelText(t('stakeholderTitle')), { target: { value: 'Head of Procurement' } });
    fireEvent.change(within(form).getByLabelText(t('stakeholderStance')), { target: { value: 'supporter' } });
    fireEvent.change(within(form).getByLabelText(t('stakeholderInfluence')), { target: { value: 'high' } });
    fireEvent.change(within(form).getByLabelText(t('stakeholderOwner')), { target: { value: 'p-ana' } });
    fireEvent.change(within(form).getByLabelText(t('stakeholderLastEngaged')), { target: { value: '2027-01-10' } });
    expectOnlyLocaleText(container, locale, DATA);
    fireEvent.click(within(form).getByRole('button', { name: t('stakeholderSave') }));
    expect(onSave).toHaveBeenCalledWith({
      name: 'Fatima Idris',
      title: 'Head of Procurement',
      stance: 'supporter',
      influence: 'high',
      ourOwner: 'p-ana',
      lastEngagedAt: Date.UTC(2027, 0, 10, 12),
    });
  });

  it('offers every stance and influence level by name, and the directory as owners', () => {
    render(<StakeholderForm roleLabel="Procurement" directory={directory} onSave={vi.fn()} onCancel={vi.fn()} />);
    const options = (label: string) => [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((option) => option.textContent);
    expect(options(t('stakeholderStance'))).toEqual(STANCES.map((stance) => t(STANCE_LABEL[stance])));
    expect(options(t('stakeholderInfluence'))).toEqual(INFLUENCE_LEVELS.map((level) => t(INFLUENCE_LABEL[level])));
    expect(options(t('stakeholderOwner'))).toEqual([t('stakeholderNoOwner'), 'Li Wei', 'Ana Costa']);
  });

  it('cancels without saving', () => {
    const onSave = vi.fn();
    const onCancel = vi.fn();
    render(<StakeholderForm roleLabel="Procurement" directory={directory} onSave={onSave} onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: t('valueCancel') }));
    expect(onCancel).toHaveBeenCalled();
    expect(onSave).not.toHaveBeenCalled();
  });
});
