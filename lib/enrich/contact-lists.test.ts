// @vitest-environment happy-dom
//
// Contacts read by the fallback when the adapter found none (issue 13). Every page here is an existing
// adapter fixture, changed in the test the way a CRM release or an org's layout may change it; no markup
// is written here. Where the structures come from (each fixture's header comment cites its public sources):
// - Dynamics 365: dynamics/opportunity-en.html and opportunity-zh.html — the Stakeholders subgrid
//   ([data-id={name}-pcf_grid_control_container], #dataSetRoot_{name}, role=grid with aria-label, ag-grid's
//   pinned and centre rows, [role=columnheader][aria-colindex]: Microsoft EasyRepro's AppElementReference.cs
//   and public Selenium/Playwright suites) beside the Sales Team subgrid of users (Name, Title). "Hooks
//   removed" takes off the two attributes the adapter finds subgrids by; the grid, its aria-label and its
//   card heading stay, as they would where a release renames the container's data-id.
// - Salesforce: salesforce/opportunity-aura-grid.html — the Aura Contact Roles related list
//   (force-related-list-single-container > article.forceRelatedListCardDesktop[aria-label] > table with the
//   column names only on thead th[scope=col][title]: public Selenium suites, pages saved from real orgs).
//   "Hooks removed" unwraps the container element the adapter finds related lists by (a renamed component).
//   Its Chinese variant takes the labels a Chinese (Simplified) org shows, as salesforce/opportunity-zh.html
//   has them: the list "联系人角色", the columns 联系人姓名 / 职务 / 角色 / 电子邮件.
import { describe, expect, it } from 'vitest';
import type { Extraction } from '@/lib/crm/adapter';
import { dynamicsAdapter } from '@/lib/crm/adapters/dynamics';
import { salesforceAdapter } from '@/lib/crm/adapters/salesforce';
import { fixturesOf } from '@/lib/crm/adapters/testing/fixtures';
import { listedContacts } from './contact-lists';
import { passesSnapshotSchema, readRecord } from './testing/record';
import { enrichExtraction } from './enrich';
import { vocabularyFor } from './vocabulary';

const dynamics = fixturesOf('dynamics');
const salesforce = fixturesOf('salesforce');

const enrich = (crm: string, { root, extraction }: { root: Element; extraction: Extraction }) => enrichExtraction(root, extraction, { rules: [], vocabulary: vocabularyFor(crm) });

function must<T extends Element>(element: T | null, what: string): T {
  if (!element) throw new Error(`the fixture has no ${what}`);
  return element;
}

/** The card (section.subgrid) of a Dynamics subgrid, by its data-id name. */
const dynamicsCard = (doc: Document, name: string) => must(doc.querySelector(`[data-id="${name}-pcf_grid_control_container"]`)?.closest('section') ?? null, `${name} subgrid`);

/** Takes off the attributes the Dynamics adapter finds the subgrid `name` by: its container's data-id and its data set root's id. */
function removeSubgridHooks(doc: Document, name: string): Element {
  const card = dynamicsCard(doc, name);
  must(card.querySelector(`[data-id="${name}-pcf_grid_control_container"]`), 'subgrid container').removeAttribute('data-id');
  must(card.querySelector(`#dataSetRoot_${name}`), 'data set root').removeAttribute('id');
  return card;
}

/** Takes off the links of the Sales Team's rows to their user records, so only the list's label tells whose people they are. */
function removeUserLinks(card: Element): void {
  for (const link of Array.from(card.querySelectorAll('a[href*="etn=systemuser"]'))) link.removeAttribute('href');
}

function dynamicsPage(file: string, change: (doc: Document) => void) {
  const doc = dynamics.load(file);
  change(doc);
  return readRecord(dynamicsAdapter, dynamics.urlOf(file), doc);
}

/** The Aura Contact Roles list with its force-related-list-single-container unwrapped (the adapter's hook), the card and table kept. */
function auraGridWithoutContainer(doc: Document): Element {
  const container = must(doc.querySelector('force-related-list-single-container'), 'Aura related list container');
  const card = must(container.querySelector('article'), 'related list card');
  container.replaceWith(...Array.from(container.childNodes));
  return card;
}

function salesforcePage(change: (doc: Document) => void) {
  const file = 'opportunity-aura-grid.html';
  const doc = salesforce.load(file);
  change(doc);
  return readRecord(salesforceAdapter, salesforce.urlOf(file), doc);
}

const NORTHWIND_STAKEHOLDERS = [
  { name: 'Elena Petrova', role: 'Decision Maker', email: 'elena.petrova@northwindtraders.example' },
  { name: 'Tomás Alvarez', role: 'Influencer', email: 'tomas.alvarez@northwindtraders.example' },
  { name: 'Grace Okafor', role: 'Technical Buyer', email: 'grace.okafor@northwindtraders.example' },
];

describe('contacts read from a labelled list when the adapter found none', () => {
  it("Dynamics: reads the Stakeholders grid whose subgrid hooks are gone, and never the Sales Team's users", () => {
    const page = dynamicsPage('opportunity-en.html', (doc) => removeSubgridHooks(doc, 'Stakeholders'));
    expect(page.extraction.contacts).toEqual([]);

    const enriched = enrich('dynamics', page);
    // Name, role and e-mail by column (aria-colindex: ag-grid's centre rows lack the pinned selection column).
    expect(enriched.contacts).toEqual(NORTHWIND_STAKEHOLDERS);
    expect(enriched.sources).toMatchObject({ contacts: 'label' });
    expect(enriched.unreadContactDetails).toEqual(['title']);
    const names = enriched.contacts.map((contact) => contact.name);
    expect(names).not.toContain('Maya Lindqvist');
    expect(names).not.toContain('Jonas Weber');
    expect(passesSnapshotSchema('dynamics', enriched, page.objectType, page.recordId)).toBe(true);
  });

  it('Dynamics: finds the Stakeholders list by its card heading when the grid and card lost their aria-labels too', () => {
    const page = dynamicsPage('opportunity-en.html', (doc) => {
      const card = removeSubgridHooks(doc, 'Stakeholders');
      card.removeAttribute('aria-label');
      must(card.querySelector('[role="grid"]'), 'grid').removeAttribute('aria-label');
      // The Sales Team keeps only its heading as well, and its rows no user links.
      const team = dynamicsCard(doc, 'SalesTeam');
      team.removeAttribute('aria-label');
      must(team.querySelector('[role="grid"]'), 'grid').removeAttribute('aria-label');
      removeUserLinks(team);
    });
    expect(enrich('dynamics', page).contacts).toEqual(NORTHWIND_STAKEHOLDERS);
  });

  it('Salesforce: reads the Aura Contact Roles list by column once its related-list container is no longer recognised', () => {
    const page = salesforcePage((doc) => auraGridWithoutContainer(doc));
    expect(page.extraction.contacts).toEqual([]);

    const enriched = enrich('salesforce', page);
    expect(enriched.contacts).toEqual([
      { name: 'Mona Adel', title: 'Chief Executive Officer', role: 'Decision Maker', email: 'mona.adel@alexport.example' },
      { name: 'Tamer Fawzy', title: 'Chief Engineer', role: 'Technical Buyer' },
      { name: 'Rania Sami', title: 'Procurement Lead', role: 'Evaluator', email: 'rania.sami@alexport.example' },
    ]);
    expect(enriched.sources).toMatchObject({ contacts: 'label' });
    expect(enriched.unreadContactDetails).toBeUndefined();
    expect(passesSnapshotSchema('salesforce', enriched, page.objectType, page.recordId)).toBe(true);
  });

  it('leaves the contacts the adapter found alone', () => {
    const page = dynamicsPage('opportunity-en.html', () => undefined);
    expect(page.extraction.contacts.length).toBeGreaterThan(0);
    expect(enrich('dynamics', page).contacts).toEqual(page.extraction.contacts);
  });
});

describe('Chinese-labelled contact lists', () => {
  it('Salesforce: reads a Contact Roles list titled 联系人角色 with Chinese column names', () => {
    const columns: Record<string, string> = { 'Contact Name': '联系人姓名', Title: '职务', Role: '角色', Email: '电子邮件' };
    const page = salesforcePage((doc) => {
      const card = auraGridWithoutContainer(doc);
      card.setAttribute('aria-label', '联系人角色');
      for (const title of Array.from(card.querySelectorAll('span[title="Contact Roles"]'))) {
        title.setAttribute('title', '联系人角色');
        title.textContent = '联系人角色';
      }
      for (const th of Array.from(card.querySelectorAll('thead th[scope="col"][title]'))) {
        const zh = columns[th.getAttribute('title') ?? ''];
        if (!zh) continue;
        th.setAttribute('title', zh);
        for (const span of Array.from(th.querySelectorAll('span[title]'))) {
          span.setAttribute('title', zh);
          span.textContent = zh;
        }
      }
    });
    expect(page.extraction.contacts).toEqual([]);

    const enriched = enrich('salesforce', page);
    expect(enriched.contacts.map((contact) => [contact.name, contact.title, contact.role])).toEqual([
      ['Mona Adel', 'Chief Executive Officer', 'Decision Maker'],
      ['Tamer Fawzy', 'Chief Engineer', 'Technical Buyer'],
      ['Rania Sami', 'Procurement Lead', 'Evaluator'],
    ]);
    expect(enriched.contacts[0]?.email).toBe('mona.adel@alexport.example');
    expect(enriched.sources).toMatchObject({ contacts: 'label' });
  });

  it('Dynamics: reads the 利益干系人 grid, e-mails under "电子邮件 (联系人)", and not the 销售团队 users', () => {
    const page = dynamicsPage('opportunity-zh.html', (doc) => {
      removeSubgridHooks(doc, 'Stakeholders');
      removeUserLinks(dynamicsCard(doc, 'SalesTeam'));
    });
    expect(page.extraction.contacts).toEqual([]);

    const enriched = enrich('dynamics', page);
    expect(enriched.contacts).toEqual([
      { name: '陈静', role: '决策者', email: 'chen.jing@hualan-logistics.example' },
      { name: '刘洋', role: '技术买家', email: 'liu.yang@hualan-logistics.example' },
    ]);
    expect(enriched.sources).toMatchObject({ contacts: 'label' });
  });
});

describe('lists of our own people', () => {
  /** The Dynamics page with the Stakeholders card gone: its only list is the Sales Team (Name, Title), its rows without user links. */
  const onlySalesTeam = (file: string) =>
    dynamicsPage(file, (doc) => {
      dynamicsCard(doc, 'Stakeholders').remove();
      removeUserLinks(dynamicsCard(doc, 'SalesTeam'));
    });

  it.each([
    ['opportunity-en.html', 'Sales Team'],
    ['opportunity-zh.html', '销售团队'],
  ])('%s: a page whose only list is labelled "%s" gives no contacts', (file) => {
    const page = onlySalesTeam(file);
    expect(page.extraction.contacts).toEqual([]);
    const enriched = enrich('dynamics', page);
    expect(enriched.contacts).toEqual([]);
    expect(enriched.sources?.contacts).toBeUndefined();
    // Nor on a CRM the user defined, which knows every CRM's list names.
    expect(listedContacts(page.root, vocabularyFor('custom-acme'))).toEqual([]);
  });

  /** The form tab holding the Sales Team renamed "Stakeholders" by an admin: its panel (role=tabpanel aria-labelledby) then carries a contact list's name. */
  function inTabNamedStakeholders(page: { root: Element }): void {
    const tab = must(page.root.querySelector('[role="tab"][aria-selected="true"][data-id^="tablist-"]'), 'selected form tab');
    tab.textContent = 'Stakeholders';
    tab.setAttribute('title', 'Stakeholders');
  }

  it('refuses the Sales Team list by its own label even in a form tab named "Stakeholders": the nearest label decides', () => {
    const page = onlySalesTeam('opportunity-en.html');
    inTabNamedStakeholders(page);
    expect(listedContacts(page.root, vocabularyFor('dynamics'))).toEqual([]);
  });

  it.each(['heading', 'data-id', 'grid aria-label'] as const)('refuses the Sales Team list when only its %s names it', (kept) => {
    const page = onlySalesTeam('opportunity-en.html');
    inTabNamedStakeholders(page);
    const card = must(page.root.querySelector('section[aria-label="Sales Team"]'), 'Sales Team card');
    card.removeAttribute('aria-label');
    if (kept !== 'heading') must(card.querySelector('h3'), 'heading').remove();
    if (kept !== 'data-id') must(card.querySelector('[data-id="SalesTeam-pcf_grid_control_container"]'), 'container').removeAttribute('data-id');
    if (kept !== 'grid aria-label') must(card.querySelector('[role="grid"]'), 'grid').removeAttribute('aria-label');
    // The card's other texts ("+ Add User", the footer) are no list names.
    expect(listedContacts(page.root, vocabularyFor('dynamics'))).toEqual([]);
  });

  it('refuses the Sales Team subgrid an admin labelled "Contacts": its name in the data-id still says what it is', () => {
    const page = onlySalesTeam('opportunity-en.html');
    const card = must(page.root.querySelector('section[aria-label="Sales Team"]'), 'Sales Team card');
    card.setAttribute('aria-label', 'Contacts');
    must(card.querySelector('[role="grid"]'), 'grid').setAttribute('aria-label', 'Contacts');
    const heading = must(card.querySelector('h3'), 'heading');
    heading.textContent = 'Contacts';
    heading.setAttribute('title', 'Contacts');
    expect(card.querySelector('[data-id="SalesTeam-pcf_grid_control_container"]')).not.toBeNull();
    expect(listedContacts(page.root, vocabularyFor('dynamics'))).toEqual([]);
  });

  it('takes no list whose label names neither side (a name column and a title are not enough)', () => {
    const page = onlySalesTeam('opportunity-en.html');
    const card = must(page.root.querySelector('section[aria-label="Sales Team"]'), 'Sales Team card');
    inTabNamedStakeholders(page); // not its own label: the card's decides
    card.setAttribute('aria-label', 'Connections');
    must(card.querySelector('[role="grid"]'), 'grid').setAttribute('aria-label', 'Connections');
    must(card.querySelector('h3'), 'heading').textContent = 'Connections';
    must(card.querySelector('[data-id="SalesTeam-pcf_grid_control_container"]'), 'container').setAttribute('data-id', 'Connections-pcf_grid_control_container');
    expect(listedContacts(page.root, vocabularyFor('dynamics'))).toEqual([]);
  });
});
