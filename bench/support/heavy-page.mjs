// A heavy Salesforce Lightning record page for the benchmarks: the English
// opportunity fixture (lib/crm/adapters/fixtures/salesforce/opportunity-en.html)
// with its detail layout grown to 500 fields by repeating the fixture's own
// records-record-layout-item markup in more layout sections. Generated on
// each run, never committed; deterministic, so every run sees the same page.
import { readFileSync } from 'node:fs';

const FIXTURE = new URL('../../lib/crm/adapters/fixtures/salesforce/opportunity-en.html', import.meta.url);

export const HEAVY_FIELDS = 500;
const FIXTURE_ID = '0065g00000AbCdEAAV';
const FIXTURE_NAME = 'Nile Telecom – Solar Hybrid Sites';
export const HEAVY_NAME = 'Benchmark Utilities – 500 Field Layout';
/** A record id of its own, so the heavy record never mixes with the fixture's record in the extension's store. */
export const HEAVY_ID = salesforceId18('0065g00000BnChM');
export const HEAVY_PATH = `/lightning/r/Opportunity/${HEAVY_ID}/view`;

/** CASESAFEID suffix, as in lib/crm/adapters/salesforce.ts. */
function salesforceId18(id15) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += alphabet[bits];
  }
  return id15 + suffix;
}

const EDIT_ICON =
  '<svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true"><path fill="currentColor" d="M3 17.2V21h3.8l11-11-3.8-3.8zM20.7 7a1 1 0 0 0 0-1.4l-2.3-2.3a1 1 0 0 0-1.4 0l-1.8 1.8 3.8 3.8z"/></svg>';

/** The same markup as the fixture's layout items (label, static value in slot=outputField, inline-edit button). */
function layoutItem(index) {
  const label = `Site Survey Metric ${index}`;
  const api = `Site_Survey_Metric_${index}__c`;
  const kind = index % 4;
  const value =
    kind === 0
      ? `<lightning-formatted-number slot="outputField">${(index * 137.5).toFixed(2)}</lightning-formatted-number>`
      : kind === 1
        ? `<lightning-formatted-text slot="outputField">Cluster ${index % 17} – tower site survey note ${index}</lightning-formatted-text>`
        : kind === 2
          ? `<lightning-formatted-text slot="outputField"></lightning-formatted-text>`
          : `<lightning-formatted-date-time slot="outputField">${1 + (index % 12)}/${1 + (index % 28)}/2026</lightning-formatted-date-time>`;
  return (
    `<records-record-layout-item class="slds-form__item slds-no-space" field-label="${label}">` +
    `<div class="slds-form-element slds-form-element_readonly slds-form-element_stacked slds-hint-parent test-id__output-root" data-target-selection-name="sfdc:RecordField.Opportunity.${api}">` +
    `<div class="slds-form-element__label"><span class="test-id__field-label">${label}</span></div>` +
    `<div class="slds-form-element__control"><span class="test-id__field-value slds-form-element__static slds-grow"><slot name="outputField">${value}</slot></span>` +
    `<button class="test-id__inline-edit-trigger slds-button slds-button_icon" title="Edit ${label}"><span class="slds-assistive-text">Edit ${label}</span>${EDIT_ICON}</button>` +
    `</div></div></records-record-layout-item>`
  );
}

function layoutSection(title, items) {
  const rows = [];
  for (let i = 0; i < items.length; i += 2) rows.push(`<records-record-layout-row class="slds-form__row"><slot>\n${items.slice(i, i + 2).join('\n')}</slot></records-record-layout-row>`);
  return (
    `<records-record-layout-section class="slds-section slds-is-open"><h3 class="slds-section__title test-id__section-header-container">` +
    `<svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true"><path d="M7 9l5 6 5-6z"/></svg><span class="test-id__section-header-title slds-truncate">${title}</span></h3>` +
    `<div class="slds-section__content section__content"><div class="slds-form" role="list">\n${rows.join('\n')}</div></div></records-record-layout-section>\n`
  );
}

/** The page's HTML: the fixture's 21 layout items plus sections of 20 generated ones, 500 in all. */
export function heavySalesforcePage() {
  const html = readFileSync(FIXTURE, 'utf8');
  const existing = html.match(/<records-record-layout-item /g)?.length ?? 0;
  const extra = [];
  for (let index = 1; index <= HEAVY_FIELDS - existing; index++) extra.push(layoutItem(index));
  let sections = '';
  for (let start = 0; start < extra.length; start += 20) sections += layoutSection(`Site Survey ${start / 20 + 1}`, extra.slice(start, start + 20));
  const end = '</slot></records-record-layout-block>';
  if (!html.includes(end)) throw new Error('the Salesforce fixture changed: no end of the detail layout block');
  return html.replace(end, `${sections}${end}`).replaceAll(FIXTURE_ID, HEAVY_ID).replaceAll(FIXTURE_NAME, HEAVY_NAME);
}

/** Run directly: writes the page to stdout (to look at it in a browser). */
if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(heavySalesforcePage());
