// The panel's end-to-end flows on the Salesforce fixture, written once and run
// in Chromium and Firefox. Each step takes a driver (drivers.mjs) for the panel
// or options page; what only a browser can do (opening pages, invoking the
// context menu) is passed in by the test.
import assert from 'node:assert/strict';

export const requirement = (id) => `[data-testid=requirement][data-requirement=${id}]`;
export const teamRole = (id) => `[data-testid=team-role][data-role=${id}]`;
const UNCOVERED_GAP = '[data-testid=gap][data-kind=role-uncovered]';

/** The panel's "N of M required facts captured". */
export async function completeness(panel) {
  const [captured, required] = (await panel.text('[data-testid=completeness]')).match(/\d+/g).map(Number);
  return { captured, required };
}

export async function waitForAnalysis(panel) {
  await panel.waitFor('[data-testid=requirements-section]');
}

/** The fixture's CRM stage is mapped onto the playbook's LTC stage. */
export async function seeStageMapped(panel) {
  assert.match(await panel.text('[data-testid=stage-resolution]'), /“Needs Analysis” is the LTC stage Solution \/ proposal/);
}

/** Open a deal: the budget is missing, says who needs it, and fewer facts are captured than required. */
export async function seeMissingRequirements(panel) {
  assert.equal(await panel.attribute(requirement('budget'), 'data-status'), 'missing');
  assert.match(await panel.text(requirement('budget')), /Needed by .*Account responsible \(AR\)/);
  const { captured, required } = await completeness(panel);
  assert.ok(required > captured, `${captured} of ${required}`);
}

export async function seeIronTriangleRequired(panel) {
  for (const role of ['ar', 'sr', 'fr']) assert.equal(await panel.count(teamRole(role)), 1, role);
}

export async function seeGapsWithNextStep(panel) {
  assert.ok((await panel.count('[data-testid=gap]')) > 0);
  assert.match(await panel.text('[data-testid=gap]'), /Next step: /);
}

/**
 * A selection on the record page, captured through the context menu's handler
 * (`captureSelection(text)`), becomes a note of that record in the panel.
 */
export async function captureBecomesNoteOfRecord(panel, captureSelection, { text, recordId }) {
  const outcome = await captureSelection(text);
  assert.equal(outcome.outcome, 'saved');
  assert.ok(outcome.recordKey.includes(recordId), outcome.recordKey);
  await panel.waitFor('[data-testid=note]', { text });
  assert.equal(await panel.text('[data-testid=capture-status]'), 'Customer note saved');
}

export const SUDAN_NOTE = 'Their biggest worry is the diesel fuel cost at the remote sites; most sites have no grid power.';

/**
 * The essay's Sudan story: `captureSelection(text)` selects `text` on the CRM
 * page and captures it through the context menu's handler; the note is offered
 * as the operating cost, accepted, and completeness rises by one.
 */
export async function captureNoteAndAcceptItsProposal(panel, captureSelection) {
  const before = await completeness(panel);
  const outcome = await captureSelection(SUDAN_NOTE);
  assert.equal(outcome.outcome, 'saved');
  assert.ok(outcome.recordKey, 'the note belongs to the record in view');

  const suggestion = `${requirement('operating-cost')} [data-testid=suggestion]`;
  await panel.waitFor(suggestion, { text: 'diesel' });
  await panel.waitFor(teamRole('power-specialist'));
  await panel.click(suggestion, 'Accept');
  await panel.waitFor(`${requirement('operating-cost')}[data-status=captured]`);
  assert.match(await panel.text(requirement('operating-cost')), /from a note/);
  // Operating cost and site power are required from this stage anyway: the count of required facts stays.
  assert.deepEqual(await completeness(panel), { captured: before.captured + 1, required: before.required });
}

/** Export the brief: it carries the accepted need with its source and the asks. */
export async function exportBriefWithAcceptedNeed(panel) {
  const brief = await panel.download('[data-testid=brief-section]', 'Download (.md)');
  assert.match(brief, /^# Hand-off brief: Nile Telecom – Solar Hybrid Sites/);
  // The accepted statement once and in full, marked unconfirmed, with the note it came from on the line below.
  assert.match(brief, /\*\*Operating and life\\-cycle cost [^\n]*\*\*: Their biggest worry is the diesel fuel cost at the remote sites;[^\n]*\(not confirmed by the customer\)\n {2}- from the note/);
  assert.match(brief, /## Asks/);
}

/** Add a person for the first uncovered customer role (procurement on the fixture deal): that gap closes. */
export async function addStakeholderClosesGap(panel, name = 'Fatima Idris') {
  const roleId = await panel.attribute(UNCOVERED_GAP, 'data-role');
  assert.ok(roleId, 'the fixture deal has an uncovered role');
  const gap = `${UNCOVERED_GAP}[data-role=${roleId}]`;
  const button = (await panel.text(`${gap} button`)).trim();
  assert.match(button, /^Add a person for /);
  await panel.click(gap, button);
  const form = '[data-testid=stakeholder-form]';
  await panel.fill(form, 'Name', name);
  await panel.select(form, 'Stance', 'supporter');
  await panel.select(form, 'Influence', 'high');
  await panel.click(form, 'Add');
  await panel.waitFor('[data-testid=stakeholder]', { text: name });
  await panel.waitFor(gap, { gone: true });
  return roleId;
}

export const TEAM_CSV = [
  'id,name,roles,skills,industries,regions,languages,capacity,openDeals',
  'p1,Zhang Wei,sr,solar power;telecom,telecom,East Africa,zh;en,5,2',
  'p2,Anna Berg,fr,installation,telecom,East Africa,en,4,1',
  'p3,,sr,,,,,3,0',
].join('\n');

/** Import a team directory in the options: the preview shows the row error; the two valid people replace the directory. */
export async function importTeamDirectory(options) {
  const section = '[data-testid=directory-section]';
  await options.upload(section, 'Import the directory (CSV or JSON)', { name: 'team.csv', mimeType: 'text/csv', content: TEAM_CSV });
  const preview = `${section} [data-testid=directory-preview]`;
  await options.waitFor(preview, { text: '2 valid rows, 1 with errors.' });
  assert.match(await options.text(preview), /Row 4, name:/);
  await options.click(preview, 'Replace the directory with the 2 valid people');
  await options.waitFor(section, { text: 'Directory replaced: 2 people.' });
}

/** With the directory imported, the panel suggests Zhang Wei as SR; one click assigns him. */
export async function assignSuggestedSr(panel) {
  const sr = teamRole('sr');
  await panel.waitFor(`${sr} [data-testid=candidate]`, { text: 'Zhang Wei' });
  await panel.click(sr, 'Assign Zhang Wei');
  await panel.waitFor(`${sr} [data-testid=assigned-member]`, { text: 'On the deal: Zhang Wei' });
  assert.equal(await panel.attribute(sr, 'data-status'), 'filled');
}
