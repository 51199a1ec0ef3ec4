// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CrmAdapter, Extraction } from '@/lib/crm/adapter';
import { dynamicsAdapter } from '@/lib/crm/adapters/dynamics';
import { hubspotAdapter } from '@/lib/crm/adapters/hubspot';
import { odooAdapter } from '@/lib/crm/adapters/odoo';
import { salesforceAdapter } from '@/lib/crm/adapters/salesforce';
import { fixturesOf } from '@/lib/crm/adapters/testing/fixtures';
import type { PageRule, RuleLocator } from '@/lib/page-rules/schema';
import { enrichExtraction } from './enrich';
import { passesSnapshotSchema, readRecord } from './testing/record';
import { vocabularyFor } from './vocabulary';

const dynamics = fixturesOf('dynamics');
const hubspot = fixturesOf('hubspot');
const odoo = fixturesOf('odoo');
const salesforce = fixturesOf('salesforce');

const rule = (id: string, part: PageRule['part'], locator: RuleLocator): PageRule => ({
  id,
  crm: 'odoo',
  host: 'acme.odoo.com',
  objectType: 'crm.lead',
  part,
  locator,
  origin: 'user',
  createdAt: 1,
});

/** The Odoo lead with its Salesperson widget no longer named `user_id` (a release renamed it): the adapter misses the owner. */
function odooLeadWithoutOwnerName() {
  const doc = odoo.load('lead-en.html');
  const widget = doc.querySelector('[name="user_id"]');
  if (!widget) throw new Error('the fixture has no user_id widget');
  widget.removeAttribute('name');
  return { doc, ...readRecord(odooAdapter, odoo.urlOf('lead-en.html'), doc) };
}

describe('part-by-part fallback: the label reader', () => {
  it('recovers a part whose element lost the attribute the adapter reads it by, from its label', () => {
    const { root, extraction, recordId } = odooLeadWithoutOwnerName();
    expect(extraction.missing).toEqual(['owner']);
    const enriched = enrichExtraction(root, extraction, { rules: [], vocabulary: vocabularyFor('odoo') });
    expect(enriched.owner).toBe('Amara Okafor');
    expect(enriched.missing).toEqual([]);
    expect(enriched.sources).toEqual({ owner: 'label' });
    // The parts the adapter read are its own.
    expect({ ...enriched, owner: undefined, sources: undefined, missing: extraction.missing }).toEqual({ ...extraction, owner: undefined, sources: undefined });
    expect(passesSnapshotSchema('odoo', enriched, 'crm.lead', recordId)).toBe(true);
  });

  it('finds a part under a label the CRM vocabulary does not know but the generic one does (an admin relabelled "Stage" "Sales Stage")', () => {
    const doc = salesforce.load('opportunity-en.html');
    // No Path on the layout, and the stage field relabelled, without its field id (as in an org whose page carries none).
    for (const path of Array.from(doc.querySelectorAll('.slds-path, li.runtime_sales_pathassistantPathAssistantTab'))) path.remove();
    const stageItem = doc.querySelector('[data-target-selection-name="sfdc:RecordField.Opportunity.StageName"]');
    if (!stageItem) throw new Error('no stage field in the fixture');
    stageItem.removeAttribute('data-target-selection-name');
    stageItem.closest('[field-label]')?.setAttribute('field-label', 'Sales Stage');
    for (const label of Array.from(stageItem.querySelectorAll('.test-id__field-label'))) label.textContent = 'Sales Stage';
    const { root, extraction } = readRecord(salesforceAdapter, salesforce.urlOf('opportunity-en.html'), doc);
    expect(extraction.missing).toContain('stage');

    const enriched = enrichExtraction(root, extraction, { rules: [], vocabulary: vocabularyFor('salesforce') });
    expect(enriched.stage).toBe('Needs Analysis');
    expect(enriched.sources?.stage).toBe('label');
    expect(enriched.missing).not.toContain('stage');
  });

  it('leaves a part missing when no label names it, and says nothing of sources', () => {
    const { root, extraction } = odooLeadWithoutOwnerName();
    for (const label of Array.from(root.querySelectorAll('label'))) if (label.textContent === 'Salesperson') label.textContent = 'Account manager';
    const enriched = enrichExtraction(root, extraction, { rules: [], vocabulary: vocabularyFor('odoo') });
    expect(enriched.missing).toEqual(['owner']);
    expect(enriched.owner).toBeUndefined();
    expect(enriched.sources).toBeUndefined();
  });

  it("does not take a contact's title for the record's name", () => {
    const doc = new DOMParser().parseFromString('<main><dl><dt>Title</dt><dd>Chief Executive Officer</dd><dt>Deal Title</dt><dd>Solar sites</dd></dl></main>', 'text/html');
    const root = doc.querySelector('main') as Element;
    const missingName: Extraction = { fields: [], contacts: [], missing: ['name'] };
    expect(enrichExtraction(root, missingName, { rules: [], vocabulary: vocabularyFor('salesforce') })).toMatchObject({ name: 'Solar sites', sources: { name: 'label' } });
    root.querySelector('dd:last-of-type')?.remove();
    root.querySelector('dt:last-of-type')?.remove();
    expect(enrichExtraction(root, missingName, { rules: [], vocabulary: vocabularyFor('salesforce') }).missing).toEqual(['name']);
  });

  it('reads a missing amount with the currency the CRM currency field names', () => {
    const doc = new DOMParser().parseFromString(
      '<main><dl><dt>Est. Revenue</dt><dd>$850,000.00</dd><dt>Currency</dt><dd>Euro</dd></dl></main>',
      'text/html',
    );
    const root = doc.querySelector('main') as Element;
    const enriched = enrichExtraction(root, { fields: [], contacts: [], missing: ['amount'] }, { rules: [], vocabulary: vocabularyFor('dynamics') });
    expect(enriched.amount).toEqual({ text: '$850,000.00', value: 850000, currency: 'EUR' });
    expect(enriched.sources).toEqual({ amount: 'label' });
  });

  it('marks a bare "$" amount found by label as assumed USD when the record names no currency', () => {
    const doc = new DOMParser().parseFromString('<main><dl><dt>Amount</dt><dd>$2,350,000.00</dd></dl></main>', 'text/html');
    const enriched = enrichExtraction(doc.querySelector('main') as Element, { fields: [], contacts: [], missing: ['amount'] }, { rules: [], vocabulary: vocabularyFor('custom-acme') });
    expect(enriched.amount).toMatchObject({ value: 2350000, currency: 'USD', currencyAssumed: true });
  });
});

describe('page rules at read time', () => {
  it('fills a part the adapter missed from a rule, which says so', () => {
    const { root, extraction, recordId } = odooLeadWithoutOwnerName();
    const rules = [rule('owner-by-label', 'owner', { kind: 'beside-label', label: 'Salesperson' })];
    const enriched = enrichExtraction(root, extraction, { rules, vocabulary: vocabularyFor('odoo') });
    expect(enriched).toMatchObject({ owner: 'Amara Okafor', missing: [], sources: { owner: 'rule' } });
    expect(enriched.staleRules).toBeUndefined();
    expect(passesSnapshotSchema('odoo', enriched, 'crm.lead', recordId)).toBe(true);
  });

  it("wins over the adapter's own read: the user said where the value is", () => {
    const doc = odoo.load('lead-en.html');
    const { root, extraction } = readRecord(odooAdapter, odoo.urlOf('lead-en.html'), doc);
    expect(extraction.owner).toBe('Amara Okafor');
    // On this layout the user's owner is the Sales Team field.
    const rules = [rule('team-as-owner', 'owner', { kind: 'beside-label', label: 'Sales Team' })];
    const enriched = enrichExtraction(root, extraction, { rules, vocabulary: vocabularyFor('odoo') });
    expect(enriched.owner).toBe('Sales');
    expect(enriched.sources).toEqual({ owner: 'rule' });
  });

  it('reports a rule that matches nothing as stale, and one that matches as not', () => {
    const { root, extraction, recordId } = odooLeadWithoutOwnerName();
    const rules = [
      rule('gone', 'owner', { kind: 'selector', selector: '[data-field="salesperson_v2"]' }),
      rule('also-gone', 'stage', { kind: 'beside-label', label: 'Pipeline Phase' }),
      rule('fine', 'account', { kind: 'selector', selector: 'div[name="partner_id"]' }),
    ];
    const enriched = enrichExtraction(root, extraction, { rules, vocabulary: vocabularyFor('odoo') });
    expect(enriched.staleRules).toEqual(['gone', 'also-gone']);
    // The stale owner rule gave nothing: the label reader still found the owner.
    expect(enriched.sources).toEqual({ owner: 'label', account: 'rule' });
    expect(passesSnapshotSchema('odoo', enriched, 'crm.lead', recordId)).toBe(true);
  });

  it('does not run a rule whose selector is outside the safe grammar', () => {
    const { root, extraction } = odooLeadWithoutOwnerName();
    const rules = [rule('classy', 'owner', { kind: 'selector', selector: '.o_field_many2one_avatar_user' })];
    const enriched = enrichExtraction(root, extraction, { rules, vocabulary: vocabularyFor('odoo') });
    expect(enriched.staleRules).toEqual(['classy']);
    expect(enriched.sources?.owner).toBe('label');
  });
});

describe('contact details read by column', () => {
  // A Contact Roles list as saved from a real org: no data-label on the cells, the column names only on the header cells.
  const table = (columns: readonly string[]) => `<main>
    <table><thead><tr>${columns.map((column) => `<th scope="col" title="${column}">${column}</th>`).join('')}</tr></thead>
    <tbody><tr><th scope="row"><a href="#">Omar Hassan</a></th><td>Chief Executive Officer</td><td>Decision Maker</td></tr>
    <tr><th scope="row"><a href="#">Layla Farouk</a></th><td>Head of Network Engineering</td><td>Technical Buyer</td></tr>
    <tr><th scope="row"><a href="#">Not on the record</a></th><td>Intern</td><td>Other</td></tr></tbody></table></main>`;
  const html = table(['Contact Name', 'Title', 'Role']);
  const names: Extraction = { fields: [], contacts: [{ name: 'Omar Hassan' }, { name: 'Layla Farouk' }], missing: [], unreadContactDetails: ['title', 'role', 'email'] };

  it('completes the titles and roles of the contacts the adapter read by name only', () => {
    const root = new DOMParser().parseFromString(html, 'text/html').querySelector('main') as Element;
    const enriched = enrichExtraction(root, names, { rules: [], vocabulary: vocabularyFor('salesforce') });
    expect(enriched.contacts).toEqual([
      { name: 'Omar Hassan', title: 'Chief Executive Officer', role: 'Decision Maker' },
      { name: 'Layla Farouk', title: 'Head of Network Engineering', role: 'Technical Buyer' },
    ]);
    // The list has no e-mail column: e-mails stay unread, not absent.
    expect(enriched.unreadContactDetails).toEqual(['email']);
    expect(enriched.sources).toEqual({ contacts: 'label' });
    expect(names.contacts[0]).toEqual({ name: 'Omar Hassan' }); // the adapter's extraction is not changed
  });

  it('keeps the details unread when the columns carry none', () => {
    const bare = table(['Contact Name', 'Notes', 'Last Modified']);
    const root = new DOMParser().parseFromString(bare, 'text/html').querySelector('main') as Element;
    const enriched = enrichExtraction(root, names, { rules: [], vocabulary: vocabularyFor('salesforce') });
    expect(enriched.contacts).toEqual(names.contacts);
    expect(enriched.unreadContactDetails).toEqual(['title', 'role', 'email']);
    expect(enriched.sources).toBeUndefined();
  });

  it('reads the columns of a CRM without an adapter by the labels of every CRM known', () => {
    const zh = table(['联系人姓名', '职位', '角色']);
    const root = new DOMParser().parseFromString(zh, 'text/html').querySelector('main') as Element;
    const enriched = enrichExtraction(root, names, { rules: [], vocabulary: vocabularyFor('custom-acme') });
    expect(enriched.contacts[0]).toEqual({ name: 'Omar Hassan', title: 'Chief Executive Officer', role: 'Decision Maker' });
  });
});

describe('contact e-mails read by column', () => {
  const FILE = 'opportunity-aura-grid.html';

  /**
   * The Aura-grid Contact Roles list of the Salesforce fixture (cells without data-label, column names only
   * on `thead th[scope=col][title]`, as saved from real orgs: ../shared/crm-references.md, Salesforce) with
   * its Email column named `header`, as an org that renamed the field's label shows it.
   */
  function auraGridWithEmailHeader(header: string) {
    const doc = salesforce.load(FILE);
    const th = doc.querySelector('thead th[scope="col"][title="Email"]');
    if (!th) throw new Error('the fixture has no Email column');
    th.setAttribute('title', header);
    for (const span of Array.from(th.querySelectorAll('span[title]'))) {
      span.setAttribute('title', header);
      span.textContent = header;
    }
    return readRecord(salesforceAdapter, salesforce.urlOf(FILE), doc);
  }

  it.each(['E-mail', '邮箱'])('fills the e-mails the adapter could not see under a column headed "%s", and says the label reader gave them', (header) => {
    const { root, extraction } = auraGridWithEmailHeader(header);
    expect(extraction.contacts.every((contact) => contact.email === undefined)).toBe(true);
    expect(extraction.unreadContactDetails).toEqual(['email']);

    const enriched = enrichExtraction(root, extraction, { rules: [], vocabulary: vocabularyFor('salesforce') });
    expect(enriched.contacts).toEqual([
      { name: 'Mona Adel', title: 'Chief Executive Officer', role: 'Decision Maker', email: 'mona.adel@alexport.example' },
      { name: 'Tamer Fawzy', title: 'Chief Engineer', role: 'Technical Buyer' },
      { name: 'Rania Sami', title: 'Procurement Lead', role: 'Evaluator', email: 'rania.sami@alexport.example' },
    ]);
    expect(enriched.unreadContactDetails).toBeUndefined();
    expect(enriched.sources).toEqual({ contacts: 'label' });
  });

  it('reads a Chinese "电子邮件" column on the page of a CRM without an adapter', () => {
    const html = `<main><table><thead><tr><th scope="col">姓名</th><th scope="col">职位</th><th scope="col">电子邮件</th></tr></thead>
      <tbody><tr><td>王芳</td><td>采购经理</td><td><a href="mailto:wang.fang@example.cn">wang.fang@example.cn</a></td></tr></tbody></table></main>`;
    const root = new DOMParser().parseFromString(html, 'text/html').querySelector('main') as Element;
    const extraction: Extraction = { fields: [], contacts: [{ name: '王芳', title: '采购经理' }], missing: [], unreadContactDetails: ['role', 'email'] };
    const enriched = enrichExtraction(root, extraction, { rules: [], vocabulary: vocabularyFor('custom-acme') });
    expect(enriched.contacts).toEqual([{ name: '王芳', title: '采购经理', email: 'wang.fang@example.cn' }]);
    expect(enriched.unreadContactDetails).toEqual(['role']);
    expect(enriched.sources).toEqual({ contacts: 'label' });
  });

  it('takes no e-mail from a cell under an e-mail header that shows something else (an action link)', () => {
    const { root, extraction } = auraGridWithEmailHeader('E-mail');
    for (const link of Array.from(root.querySelectorAll('a[href^="mailto:"]'))) link.textContent = 'Send email';
    const enriched = enrichExtraction(root, extraction, { rules: [], vocabulary: vocabularyFor('salesforce') });
    expect(enriched.contacts).toEqual(extraction.contacts);
    expect(enriched.unreadContactDetails).toEqual(['email']);
    expect(enriched.sources).toBeUndefined();
  });
});

describe('part-by-part fallback on Chinese pages', () => {
  /** `file` of `crm` read by `adapter` after `attribute` was taken off every element inside its record root: the hooks the adapter reads by are gone, the labels stay. */
  function withoutHooks(adapter: CrmAdapter, crm: 'dynamics' | 'hubspot' | 'odoo', file: string, attribute: string) {
    const fixtures = { dynamics, hubspot, odoo }[crm];
    const { root, ...ref } = readRecord(adapter, fixtures.urlOf(file), fixtures.load(file));
    for (const element of Array.from(root.querySelectorAll(`[${attribute}]`))) element.removeAttribute(attribute);
    return { root, extraction: adapter.extract(root, ref) };
  }

  it('reads stage, amount, close date and owner of a HubSpot deal by their Chinese labels (阶段, 金额, 成交日期, 交易所有者)', () => {
    // deal-highlight-pairs-zh.html: the highlight card of heading + value pairs (public HubSpot integrations,
    // see its header comment) with HubSpot's data-selenium-test hooks gone, as a release may drop test ids.
    const { root, extraction } = withoutHooks(hubspotAdapter, 'hubspot', 'deal-highlight-pairs-zh.html', 'data-selenium-test');
    expect(extraction.missing).toEqual(expect.arrayContaining(['stage', 'amount', 'closeDate', 'owner']));

    const enriched = enrichExtraction(root, extraction, { rules: [], vocabulary: vocabularyFor('hubspot') });
    expect(enriched).toMatchObject({
      stage: '已发送合同',
      amount: { text: '¥2,600,000.00', value: 2_600_000, currency: 'CNY' },
      closeDate: '2027年1月20日',
      owner: '陈静',
    });
    expect(enriched.missing).not.toEqual(expect.arrayContaining(['stage', 'amount', 'closeDate', 'owner']));
    expect(enriched.sources).toMatchObject({ stage: 'label', amount: 'label', closeDate: 'label', owner: 'label' });
  });

  it('reads amount, close date and owner of an Odoo lead by their Chinese labels (预期收入, 预计结束, 销售员)', () => {
    // lead-zh.html (Odoo 17 form: label.o_form_label[for] beside its widget, see its header comment) with the
    // widgets' technical `name` gone, as when a release renames a widget.
    const { root, extraction } = withoutHooks(odooAdapter, 'odoo', 'lead-zh.html', 'name');
    expect(extraction.missing).toEqual(expect.arrayContaining(['amount', 'closeDate', 'owner']));

    const enriched = enrichExtraction(root, extraction, { rules: [], vocabulary: vocabularyFor('odoo') });
    expect(enriched).toMatchObject({ amount: { value: 2_600_000 }, closeDate: '2027年03月31日', owner: '王芳' });
    expect(enriched.sources).toMatchObject({ amount: 'label', closeDate: 'label', owner: 'label' });
  });

  it('takes the value beside a Dynamics label, not the "*" of a required field (主题)', () => {
    // opportunity-zh.html (EasyRepro's field containers: label, then span.required[aria-hidden] "*", then the
    // control, see its header comment) with Dynamics' data-id hooks gone.
    const { root, extraction } = withoutHooks(dynamicsAdapter, 'dynamics', 'opportunity-zh.html', 'data-id');
    expect(extraction.missing).toContain('name');

    const enriched = enrichExtraction(root, extraction, { rules: [], vocabulary: vocabularyFor('dynamics') });
    expect(enriched.name).toBe('华澜物流 – 冷链温控系统');
    expect(enriched.sources?.name).toBe('label');
    for (const part of ['name', 'stage', 'closeDate', 'owner', 'account'] as const) expect(enriched[part]).not.toBe('*');
  });
});
