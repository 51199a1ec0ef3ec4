// Pipedrive deal detail page selectors. Each entry is a list of variants,
// current markup first and older markup after, and `pipedrive.test.ts` pins how
// many elements every variant matches on every saved fixture.
//
// Public references for Pipedrive's page are thin: Pipedrive publishes no page
// objects, and only a few public scripts read a deal page. So the list is kept
// short, every selector is one such a script relies on (community-observed),
// and the parts without an observed selector are read by their visible label
// or by Pipedrive's public URL scheme instead of by guessed class names.
// Sources, read as references only (nothing copied):
//   [REFS]      ../shared/crm-references.md: header [data-testid=header-title].
//   [TIMECAMP]  TimeCamp browser plugin, timecamp-org/timecamp-browser-plugin
//               scripts-2.0/third_party/pipedrive.js: [data-testid=header-title],
//               [data-test=deal-title], [data-test=editable-input-content], .detailView.
//   [CLOCKIFY]  Clockify browser extension, clockify/browser-extension
//               src/integrations/pipedrive.js (older markup): .descriptionHead h1.
//   [COMMUNITY] a public script on GitHub that reads a live deal page:
//               button.cui5-stage-selector__stage[aria-selected=true] (active stage,
//               text "{days} · {stage}"), [data-testid=field-name] whose parent row holds
//               the value, a[href*="/person/"] participants.
//   [URL]       Pipedrive's documented record URLs /person/{id}, /organization/{id}.
// Pipedrive renders no shadow DOM; all selectors are light DOM.

export const pipedriveSelectors = {
  /** The deal view container; the record root. */
  recordRoot: [
    '.detailView', // [TIMECAMP] detail view container (older markup)
    'main', // [HTML] main landmark
    '[role="main"]', // [HTML] ARIA main landmark
  ],
  /** The deal title in the header. */
  title: [
    '[data-testid="header-title"]', // [REFS][TIMECAMP]
    '[data-test="deal-title"]', // [TIMECAMP]
    '.descriptionHead h1', // [CLOCKIFY] older deal header
  ],
  /** The title text inside the header (the header also holds buttons other extensions add). */
  titleText: [
    '[data-test="editable-input-content"]', // [TIMECAMP]
    '[data-testid="editable-input-content"]', // [TIMECAMP]
    'h1', // [TIMECAMP]
  ],
  /** The deal's current stage in the pipeline stage bar. */
  currentStage: [
    'button.cui5-stage-selector__stage[aria-selected="true"]', // [COMMUNITY] Convention UI 5 stage selector
    '[class*="stage-selector__stage"][aria-selected="true"]', // [COMMUNITY] same component, any Convention UI prefix
  ],
  /** A field's label; its parent row holds the value. */
  fieldName: [
    '[data-testid="field-name"]', // [COMMUNITY]
  ],
  /** The deal's organization. */
  organizationLink: [
    'a[href*="/organization/"]', // [URL]
  ],
  /** Persons linked to the deal (contact person and participants). */
  personLink: [
    'a[href*="/person/"]', // [URL][COMMUNITY]
  ],
  email: [
    'a[href^="mailto:"]', // [HTML]
  ],
} as const satisfies Record<string, readonly string[]>;

export type PipedriveSelectorId = keyof typeof pipedriveSelectors;

/**
 * Deal parts found by field label, in English and Chinese (Simplified) as
 * Pipedrive shows them. Pipedrive puts no field key in the page, so labels are
 * the only handle; the organization also comes from its link.
 */
export const dealParts = {
  /** Used only when the stage bar is not rendered. */
  stage: { labels: ['Stage', 'Pipeline stage', '阶段'] },
  amount: { labels: ['Value', 'Deal value', '价值'] },
  closeDate: { labels: ['Expected close date', '预计成交日期'] },
  owner: { labels: ['Owner', '负责人'] },
  account: { labels: ['Organization', 'Organisation', '组织'] },
} as const;

/** Default pipeline of a new Pipedrive company account (stage names are the company's own data). */
export const DEFAULT_STAGES = ['Qualified', 'Contact Made', 'Demo Scheduled', 'Proposal Made', 'Negotiations Started'] as const;
