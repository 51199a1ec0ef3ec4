// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { INFLUENCE_LEVELS, STANCES, stakeholderIdForContact } from '@/lib/domain/stakeholder';
import { t } from '@/lib/i18n';
import type { StoredStakeholder } from '@/lib/store/rows';
import { analysed, DEAL_DATA, dealRecord, directory, noFacts, NOW } from '@/components/testing/deal';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { DecisionChainMap, initials, reportLine } from './DecisionChainMap';
import { DecisionChainSection } from './DecisionChainSection';
import { INFLUENCE_LABEL, STANCE_LABEL } from './StakeholderForm';

const AMINA = stakeholderIdForContact({ name: 'Amina Hassan', email: 'amina@niletel.example' });
const OMAR = stakeholderIdForContact({ name: 'Omar Idris' });
const row = (overrides: Partial<StoredStakeholder> & Pick<StoredStakeholder, 'id' | 'name'>): StoredStakeholder => ({
  roles: [],
  stance: 'unknown',
  influence: 'unknown',
  source: 'manual',
  recordKey: 'r',
  updatedAt: NOW - 100,
  ...overrides,
});

/** Every stance and influence once: Amina and Omar from the CRM, Khalid holding two roles, Salma holding none. */
const PEOPLE: StoredStakeholder[] = [
  row({ id: AMINA, name: 'Amina Hassan', stance: 'supporter', influence: 'high', ourOwner: 'p-ana', source: 'crm' }),
  row({ id: OMAR, name: 'Omar Idris', stance: 'opponent', influence: 'medium', ourOwner: 'p-li', reportsTo: AMINA, source: 'crm' }),
  row({ id: 'manual:khalid', name: 'Khalid Osman', roles: ['legal', 'procurement'], stance: 'neutral', influence: 'low', reportsTo: AMINA }),
  row({ id: 'manual:salma', name: 'Salma Nur' }),
];
const DATA = [...DEAL_DATA, 'Khalid Osman', 'Salma Nur', 'AC', 'LW'];

function renderMap(people: StoredStakeholder[] = PEOPLE, record = dealRecord) {
  const { analysis, labels } = analysed({ ...noFacts(), stakeholders: people }, record);
  const addPerson = vi.fn();
  const editPerson = vi.fn();
  const view = render(<DecisionChainMap report={analysis.decisionChain} labels={labels} directory={directory} addPerson={addPerson} editPerson={editPerson} />);
  return { ...view, report: analysis.decisionChain, labels, addPerson, editPerson };
}

function renderSection(people: StoredStakeholder[] = PEOPLE) {
  const { analysis, labels } = analysed({ ...noFacts(), stakeholders: people });
  const annotate = vi.fn().mockResolvedValue({ ok: true });
  const addStakeholder = vi.fn();
  const view = render(
    <DecisionChainSection
      report={analysis.decisionChain}
      labels={labels}
      directory={directory}
      stored={people}
      addStakeholder={addStakeholder}
      annotate={annotate}
    />,
  );
  return { ...view, labels, annotate, addStakeholder };
}

const cards = (id: string) => screen.getAllByTestId('map-card').filter((card) => card.dataset.id === id);
const card = (id: string) => cards(id)[0]!;
const group = (roleId: string) => screen.getAllByTestId('map-group').find((item) => item.dataset.role === roleId)!;

afterEach(() => vi.restoreAllMocks());

describeInEachLocale('DecisionChainMap', (locale) => {
  it('shows every stance by its colour class, sign and word, in the panel’s language', () => {
    const { container } = renderMap();
    expect(within(screen.getByTestId('decision-chain-map')).getByRole('heading').textContent).toBe(locale === 'en' ? 'Decision-chain map' : '决策链图');
    const byStance = { supporter: AMINA, opponent: OMAR, neutral: 'manual:khalid', unknown: 'manual:salma' };
    expect(Object.keys(byStance).sort()).toEqual([...STANCES].sort());
    const signs = new Set<string>();
    for (const [stance, id] of Object.entries(byStance) as [keyof typeof byStance, string][]) {
      const person = card(id);
      expect(person.dataset.stance).toBe(stance);
      expect(person.classList).toContain(`stance-${stance}`);
      const mark = within(person).getByTestId('map-stance');
      expect(mark.textContent).toContain(t(STANCE_LABEL[stance]));
      const sign = mark.querySelector('[aria-hidden=true]')!.textContent!;
      expect(sign).not.toBe('');
      signs.add(sign);
    }
    // Colour is never the only difference: each stance has a sign of its own, besides its word.
    expect(signs.size).toBe(STANCES.length);
    expect(screen.getByRole('button', { name: new RegExp(`^Amina Hassan.*${t(STANCE_LABEL.supporter)}`) })).toBe(card(AMINA));
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('marks every influence by a border class, dots and words', () => {
    const { container } = renderMap();
    const byInfluence = { high: AMINA, medium: OMAR, low: 'manual:khalid', unknown: 'manual:salma' };
    expect(Object.keys(byInfluence).sort()).toEqual([...INFLUENCE_LEVELS].sort());
    const dots = new Set<string>();
    for (const [influence, id] of Object.entries(byInfluence) as [keyof typeof byInfluence, string][]) {
      const person = card(id);
      expect(person.dataset.influence).toBe(influence);
      expect(person.classList).toContain(`influence-${influence}`);
      const mark = within(person).getByTestId('map-influence');
      expect(mark.textContent).toContain(t('chainMapInfluence', t(INFLUENCE_LABEL[influence])));
      dots.add(mark.querySelector('[aria-hidden=true]')!.textContent!);
    }
    expect(dots.size).toBe(INFLUENCE_LEVELS.length);
    // The stylesheet makes a more influential card's border thicker.
    const css = readFileSync(resolve(process.cwd(), 'components/panel.css'), 'utf8');
    expect(css).toMatch(/\.map-card\.influence-high \{[^}]*border-width: 3px/);
    expect(css).toMatch(/\.map-card\.influence-medium \{[^}]*border-width: 2px/);
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('groups the people by customer role in the playbook’s order, a person with two roles in both, people with none under Unplaced', () => {
    const { report, labels } = renderMap();
    const shown = report.roles.filter((role) => role.required || role.stakeholderIds.length > 0).map((role) => role.roleId);
    expect(shown).toEqual(expect.arrayContaining(['decision-maker', 'finance', 'legal', 'procurement']));
    const groups = screen.getAllByTestId('map-group');
    expect(groups.map((item) => item.dataset.role ?? null)).toEqual([...shown, null]);
    for (const roleId of shown) expect(within(group(roleId)).getByRole('list', { name: labels.decisionRole(roleId) })).toBeTruthy();
    expect(cards('manual:khalid').map((item) => item.closest('[data-testid=map-group]')!.getAttribute('data-role'))).toEqual(['procurement', 'legal']);
    const unplaced = groups.at(-1)!;
    expect(within(unplaced).getByRole('list', { name: t('chainMapUnplaced') })).toBeTruthy();
    expect(within(unplaced).getAllByTestId('map-card').map((item) => item.dataset.id)).toEqual(['manual:salma']);
    // Roles neither required nor held stay out.
    expect(groups.some((item) => item.dataset.role === 'quality-inspection')).toBe(false);
  });

  it('has no Unplaced group when everybody holds a role', () => {
    renderMap(PEOPLE.slice(0, 3));
    expect(screen.getAllByTestId('map-group').every((item) => item.dataset.role !== undefined)).toBe(true);
    expect(screen.queryByRole('list', { name: t('chainMapUnplaced') })).toBeNull();
  });

  it('shows our owner’s initials in a circle named for screen readers, and says when nobody owns the person', () => {
    const { container } = renderMap();
    const amina = within(card(AMINA)).getByRole('img', { name: t('chainMapOwner', 'Ana Costa') });
    expect(amina.textContent).toBe('AC');
    expect(within(card(OMAR)).getByRole('img', { name: t('chainMapOwner', 'Li Wei') }).textContent).toBe('LW');
    const nobody = within(card('manual:khalid')).getByRole('img', { name: t('chainMapOwner', t('stakeholderNoOwner')) });
    expect(nobody.classList).toContain('map-owner-none');
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('leaves an empty slot, marked by severity, for each required role nobody covers, and one press starts adding a person for it', () => {
    const { container, report, addPerson, labels } = renderMap();
    const uncovered = report.gaps.filter((gap) => gap.kind === 'role-uncovered');
    expect(uncovered.map((gap) => gap.roleId).sort()).toEqual(['champion', 'end-user', 'finance']);
    const slots = screen.getAllByTestId('map-slot');
    expect(slots.map((slot) => slot.dataset.role).sort()).toEqual(['champion', 'end-user', 'finance']);
    for (const gap of uncovered) {
      const slot = slots.find((item) => item.dataset.role === gap.roleId)!;
      expect(slot.tagName).toBe('BUTTON');
      expect(slot.dataset.severity).toBe(gap.severity);
      expect(slot.classList).toContain(`severity-${gap.severity}`);
      expect(slot.textContent).toContain(t('chainMapSlotMissing'));
      expect(slot.textContent).toContain(t('stakeholderAdd', labels.decisionRole(gap.roleId!)));
      expect(slot.closest('[data-testid=map-group]')!.getAttribute('data-role')).toBe(gap.roleId);
    }
    // A covered role has no slot.
    expect(within(group('decision-maker')).queryByTestId('map-slot')).toBeNull();
    fireEvent.click(slots.find((slot) => slot.dataset.role === 'finance')!);
    expect(addPerson).toHaveBeenCalledWith('finance');
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('says a slot was not read, as a check, when the CRM page gave no contact roles', () => {
    const namesOnly = { ...dealRecord, contacts: dealRecord.contacts.map(({ name }) => ({ name })), unreadContactDetails: ['title' as const, 'role' as const] };
    const { container } = renderMap([], namesOnly);
    const slots = screen.getAllByTestId('map-slot');
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      expect(slot.dataset.severity).toBe('check');
      expect(slot.classList).toContain('severity-check');
      expect(slot.textContent).toContain(t('chainMapSlotNotRead'));
      expect(slot.textContent).not.toContain(t('chainMapSlotMissing'));
    }
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('says whom a person reports to on their card, and draws the line from the cards’ boxes', () => {
    // happy-dom lays nothing out: each card gets a box of its own, Amina's above the others.
    const top = { [AMINA]: 0, [OMAR]: 100, 'manual:khalid': 200 } as Record<string, number>;
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const id = this.dataset.testid === 'map-card' ? (this.dataset.id ?? '') : '';
      const y = top[id] ?? 0;
      const height = id in top ? 40 : 0;
      return { left: 0, top: y, right: id in top ? 120 : 0, bottom: y + height, width: 120, height, x: 0, y, toJSON: () => ({}) } as DOMRect;
    });
    const { container } = renderMap();
    expect(within(card(OMAR)).getByTestId('map-reports-to').textContent).toBe(t('chainMapReportsTo', 'Amina Hassan'));
    expect(within(card(AMINA)).queryByTestId('map-reports-to')).toBeNull();
    const svg = container.querySelector('svg.chain-map-lines')!;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    const lines = [...svg.querySelectorAll('path.chain-map-line')];
    expect(lines.map((line) => [line.getAttribute('data-from'), line.getAttribute('data-to')])).toEqual([
      [OMAR, AMINA],
      ['manual:khalid', AMINA],
    ]);
    // From the top of Omar's card to the bottom of Amina's; Khalid's line beside it, not on top of it.
    expect(lines.map((line) => line.getAttribute('d'))).toEqual(['M60 100L60 40', 'M72 200L72 40']);
    expect(svg.querySelectorAll('path.chain-map-arrow')).toHaveLength(2);
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('renders a 200-character name and a long Chinese name whole, in a class that wraps', () => {
    const long = 'W'.repeat(200);
    const chinese = '欧阳' + '娜'.repeat(60);
    const { container } = renderMap([
      ...PEOPLE,
      row({ id: 'manual:long', name: long, roles: ['finance'], ourOwner: 'p-li' }),
      row({ id: 'manual:zh', name: chinese, roles: ['finance'] }),
    ]);
    for (const [id, name] of [
      ['manual:long', long],
      ['manual:zh', chinese],
    ] as const) {
      const nameElement = card(id).querySelector('.map-card-name')!;
      expect(nameElement.textContent).toBe(name);
    }
    const css = readFileSync(resolve(process.cwd(), 'components/panel.css'), 'utf8');
    expect(css).toMatch(/\.map-card-name \{[^}]*overflow-wrap: anywhere/);
    expect(css).toMatch(/\.chain-map-cards > li \{[^}]*min-width: 0/);
    expect(css).toMatch(/\.chain-map-cards \{[^}]*flex-wrap: wrap/);
    expectOnlyLocaleText(container, locale, [...DATA, long, chinese]);
  });

  it('shows nothing when no role is required and nobody is known', () => {
    const { analysis, labels } = analysed(noFacts(), { ...dealRecord, contacts: [] });
    const report = { ...analysis.decisionChain, roles: analysis.decisionChain.roles.map((role) => ({ ...role, required: false })), gaps: [] };
    render(<DecisionChainMap report={report} labels={labels} directory={directory} addPerson={vi.fn()} editPerson={vi.fn()} />);
    expect(screen.queryByTestId('decision-chain-map')).toBeNull();
  });

  it('opens the add-person form of the section for the slot’s role, with the focus in it', () => {
    const { container, addStakeholder } = renderSection();
    fireEvent.click(screen.getAllByTestId('map-slot').find((slot) => slot.dataset.role === 'end-user')!);
    const gap = container.querySelector('[data-testid=gap][data-kind=role-uncovered][data-role=end-user]') as HTMLElement;
    const form = within(gap).getByTestId('stakeholder-form');
    expect(form.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).toBe(within(form).getByLabelText(t('stakeholderName')));
    fireEvent.change(within(form).getByLabelText(t('stakeholderName')), { target: { value: 'Fatima Idris' } });
    fireEvent.click(within(form).getByRole('button', { name: t('stakeholderSave') }));
    expect(addStakeholder).toHaveBeenCalledWith('end-user', { name: 'Fatima Idris', stance: 'unknown', influence: 'unknown' });
    expectOnlyLocaleText(container, locale, [...DATA, 'Fatima Idris']);
  });

  it('opens the person’s editor when their card is pressed, with the focus in it', () => {
    renderSection();
    fireEvent.click(card(OMAR));
    const editor = screen.getByRole('form', { name: t('stakeholderEditLabel', 'Omar Idris') });
    expect(editor.closest('[data-testid=stakeholder]')!.getAttribute('data-id')).toBe(OMAR);
    expect(editor.contains(document.activeElement)).toBe(true);
  });

  it('passes axe with the map, a slot’s form and a card’s editor open', async () => {
    const { container } = renderSection();
    fireEvent.click(screen.getAllByTestId('map-slot')[0]!);
    fireEvent.click(card(OMAR));
    // happy-dom lays nothing out: contrast is checked by hand and in the browser tests.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 120)).join(' | ')}`)).toEqual([]);
    const passed = results.passes.map((rule) => rule.id);
    const rules = ['button-name', 'duplicate-id-aria', 'list', 'listitem', 'role-img-alt', 'nested-interactive', 'aria-hidden-focus'];
    for (const rule of rules) expect(passed).toContain(rule);
  });

  it('saves whom a person reports to from the editor, offering everyone but the person', async () => {
    const { container, annotate } = renderSection();
    fireEvent.click(card('manual:salma'));
    const editor = screen.getByRole('form', { name: t('stakeholderEditLabel', 'Salma Nur') });
    const select = within(editor).getByLabelText(t('stakeholderReportsTo')) as HTMLSelectElement;
    expect(select.value).toBe('');
    expect([...select.options].map((option) => option.value)).toEqual(['', AMINA, OMAR, 'manual:khalid']);
    expect(select.options[0]!.textContent).toBe(t('stakeholderReportsToNobody'));
    expect(select.options[1]!.textContent).toBe(t('stakeholderNameWithTitle', 'Amina Hassan', 'Chief Executive Officer'));
    fireEvent.change(select, { target: { value: OMAR } });
    expectOnlyLocaleText(container, locale, DATA);
    fireEvent.click(within(editor).getByRole('button', { name: t('valueSave') }));
    await vi.waitFor(() => expect(screen.queryByTestId('stakeholder-editor')).toBeNull());
    expect(annotate).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'manual:salma' }),
      { stance: 'unknown', influence: 'unknown', reportsTo: OMAR },
      NOW - 100,
    );
  });

  it('keeps whom a person reports to when other fields are edited, and clears it when set to nobody', async () => {
    const { annotate } = renderSection();
    fireEvent.click(card(OMAR));
    let editor = screen.getByTestId('stakeholder-editor');
    expect((within(editor).getByLabelText(t('stakeholderReportsTo')) as HTMLSelectElement).value).toBe(AMINA);
    fireEvent.change(within(editor).getByLabelText(t('stakeholderStance')), { target: { value: 'neutral' } });
    fireEvent.click(within(editor).getByRole('button', { name: t('valueSave') }));
    await vi.waitFor(() => expect(screen.queryByTestId('stakeholder-editor')).toBeNull());
    expect(annotate).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: OMAR }),
      expect.objectContaining({ stance: 'neutral', reportsTo: AMINA }),
      NOW - 100,
    );
    fireEvent.click(card(OMAR));
    editor = screen.getByTestId('stakeholder-editor');
    fireEvent.change(within(editor).getByLabelText(t('stakeholderReportsTo')), { target: { value: '' } });
    fireEvent.click(within(editor).getByRole('button', { name: t('valueSave') }));
    await vi.waitFor(() => expect(screen.queryByTestId('stakeholder-editor')).toBeNull());
    expect(annotate.mock.lastCall![1]).not.toHaveProperty('reportsTo');
  });
});

describe('initials', () => {
  it('takes the first letters of the first and last words of a Latin name, and the given name of a Chinese one', () => {
    expect(initials('Ana Costa')).toBe('AC');
    expect(initials(' ana  maria costa ')).toBe('AC');
    expect(initials('Ana')).toBe('A');
    expect(initials('李伟')).toBe('伟');
    expect(initials('欧阳娜娜')).toBe('娜娜');
    expect(initials('')).toBe('?');
  });
});

describe('reportLine', () => {
  const box = (left: number, top: number, width = 100, height = 40) => ({ left, top, right: left + width, bottom: top + height });

  it('joins the closest pair of the two people’s cards, edge to edge', () => {
    expect(reportLine([box(0, 100)], [box(0, 0)])).toEqual({ x1: 50, y1: 100, x2: 50, y2: 40 });
    // Side by side: from the right edge of one to the left edge of the other.
    expect(reportLine([box(0, 0)], [box(200, 0)])).toEqual({ x1: 100, y1: 20, x2: 200, y2: 20 });
    // A person with two cards: the nearer one is used.
    expect(reportLine([box(0, 500), box(0, 100)], [box(0, 0)])).toEqual({ x1: 50, y1: 100, x2: 50, y2: 40 });
  });

  it('moves both ends sideways by the shift, staying inside the cards', () => {
    expect(reportLine([box(0, 100)], [box(0, 0)], 12)).toEqual({ x1: 62, y1: 100, x2: 62, y2: 40 });
    expect(reportLine([box(0, 100)], [box(0, 0)], 500)).toEqual({ x1: 92, y1: 100, x2: 92, y2: 40 });
  });

  it('draws nothing without layout', () => {
    expect(reportLine([box(0, 0, 0, 0)], [box(0, 0, 0, 0)])).toBeNull();
    expect(reportLine([], [box(0, 0)])).toBeNull();
  });
});
