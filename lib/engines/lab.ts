import type { RecordSnapshot } from '@/lib/crm/snapshot';
import type { DealFacts } from '@/lib/domain/deal-facts';
import type { Note } from '@/lib/domain/note';
import { analyzeDeal, type DealAnalysis } from '@/lib/engines/analyze';
import type { Explanation } from '@/lib/domain/explain';
import type { Playbook, Stage } from '@/lib/playbook/schema';
import { proposeFacts, type Proposal } from '@/lib/notes/propose';

/**
 * The playbook lab: what a playbook makes of one note, by the panel's own
 * code path (`proposeFacts`, then `analyzeDeal`), for admins who tune
 * keywords and rules before they push a playbook (options page, `npm run playbook -- try`).
 *
 * What "would trigger" means. The note is attached to a minimal deal — no
 * CRM fields, amount, contacts, team or captured values — and the deal is
 * analysed at every pipeline stage in turn, once without the note, once with
 * it, and once more with the note's proposals accepted as values (what the
 * team has after clicking "accept" on each suggestion). A team role or a
 * customer decision-chain role is triggered by the note when, at some stage,
 * one of its rules (team role) or reasons (customer role) holds with the note
 * and did not hold without it: `note-mentions` conditions fire on the note,
 * `requirement-mentions` conditions fire on the accepted values. A role the
 * stage alone calls for is not reported, unless the note adds a reason of its
 * own. Each role is reported once, at the first stage where the note triggers
 * it. Rules that read the record (amount, CRM fields, contacts) never fire on
 * the minimal deal, so a note cannot show them; nor does the lab report a role
 * a note would make unnecessary.
 */
export interface LabResult {
  /** What the panel would propose from the note, in the playbook's order of requirements. */
  proposals: Proposal[];
  /** Ids of the team roles the note triggers, in playbook order. */
  teamRoles: string[];
  /** The customer decision-chain roles the note makes required, in playbook order. */
  customerRoles: { role: string }[];
  /** Why, one entry per role and reason, in playbook order of roles. */
  triggers: LabTrigger[];
}

export interface LabTrigger {
  /** `team`: one of our roles (iron triangle, N-angle); `customer`: a role of the customer's decision chain. */
  side: 'team' | 'customer';
  role: string;
  /** For a team role, the rule's level; a customer role is required. */
  level: 'required' | 'suggested';
  /** The first pipeline stage at which the note triggers the role. */
  stage: string;
  /** True when only the accepted proposals trigger it (a `requirement-mentions` condition), not the note itself. */
  onceAccepted: boolean;
  /** The playbook's reason, as the panel says it. */
  because: Explanation;
  /** The fact of the note behind it, as the panel says it. */
  evidence?: Explanation;
}

export interface TryNoteOptions {
  /** Epoch ms the note counts as captured and the deal as analysed (relative dates are read against it). */
  now: number;
}

/** The CRM id of the lab's minimal record: every stage of the playbook is named by its own id for it. */
const LAB_CRM = 'playbook-lab';
const NOTE_ID = 'lab-note';

export function tryNote(playbook: Playbook, text: string, { now }: TryNoteOptions): LabResult {
  const note: Note = { id: NOTE_ID, text, pageTitle: '', url: '', capturedAt: now };
  const proposals = proposeFacts(playbook, note);
  if (text.trim() === '') return { proposals, teamRoles: [], customerRoles: [], triggers: [] };

  const lab = labPlaybook(playbook);
  const accepted: DealFacts['requirementValues'] = proposals.map((proposal) => ({
    fieldId: proposal.requirementId,
    value: proposal.value,
    figures: proposal.figures,
    source: { kind: 'note', noteId: NOTE_ID, quote: proposal.quote, url: '' },
    confirmedByCustomer: false,
    setBy: 'playbook-lab',
    setAt: now,
  }));
  const found = new Map<string, LabTrigger>();
  for (const stage of lab.stages.filter((candidate) => candidate.kind === 'pipeline')) {
    const analyse = (facts: Partial<DealFacts>) =>
      reasonsOf(
        analyzeDeal({
          playbook: lab,
          record: labRecord(stage, now),
          facts: { requirementValues: [], notes: [], stakeholders: [], assignments: [], ...facts },
          directory: [],
          now,
        }),
      );
    const without = analyse({});
    const withNote = analyse({ notes: [note] });
    const withValues = accepted.length > 0 ? analyse({ notes: [note], requirementValues: accepted }) : new Map<string, Reason>();
    for (const [key, reason] of [...withNote, ...withValues]) {
      if (without.has(key) || found.has(key)) continue;
      found.set(key, { ...reason, stage: stage.id, onceAccepted: !withNote.has(key) });
    }
  }

  const triggers = [
    ...playbook.teamRoles.flatMap((role) => [...found.values()].filter((trigger) => trigger.side === 'team' && trigger.role === role.id)),
    ...playbook.decisionRoles.flatMap((role) => [...found.values()].filter((trigger) => trigger.side === 'customer' && trigger.role === role.id)),
  ];
  const rolesOf = (side: LabTrigger['side']) => [...new Set(triggers.filter((trigger) => trigger.side === side).map((trigger) => trigger.role))];
  return { proposals, teamRoles: rolesOf('team'), customerRoles: rolesOf('customer').map((role) => ({ role })), triggers };
}

type Reason = Omit<LabTrigger, 'stage' | 'onceAccepted'>;

/** Every reason the analysis gives for a role, keyed by what it is (the rule, or the customer role and its reason). */
function reasonsOf(analysis: DealAnalysis): Map<string, Reason> {
  const reasons = new Map<string, Reason>();
  for (const role of analysis.team.roles) {
    for (const trigger of role.triggers) {
      reasons.set(`team|${trigger.ruleId}`, { side: 'team', role: role.roleId, level: trigger.level, because: trigger.because, evidence: trigger.evidence });
    }
  }
  for (const role of analysis.decisionChain.roles) {
    for (const reason of role.reasons) {
      reasons.set(`customer|${role.roleId}|${reason.because.key}|${JSON.stringify(reason.because.params)}`, {
        side: 'customer',
        role: role.roleId,
        level: 'required',
        because: reason.because,
        ...(reason.evidence && { evidence: reason.evidence }),
      });
    }
  }
  return reasons;
}

const labPlaybooks = new WeakMap<Playbook, Playbook>();

/** The playbook with each stage also named by its id for the lab's CRM, so the minimal record can sit at any stage. */
function labPlaybook(playbook: Playbook): Playbook {
  let lab = labPlaybooks.get(playbook);
  if (lab === undefined) {
    lab = { ...playbook, stages: playbook.stages.map((stage) => ({ ...stage, crmNames: { ...stage.crmNames, [LAB_CRM]: { en: [stage.id] } } })) };
    labPlaybooks.set(playbook, lab);
  }
  return lab;
}

function labRecord(stage: Stage, now: number): RecordSnapshot {
  return {
    crm: LAB_CRM,
    host: 'playbook-lab.invalid',
    objectType: 'Opportunity',
    recordId: 'lab',
    // Not a web address: the lab's record is never opened, and the bundles name no remote host (manifest.test.mjs).
    url: 'about:blank',
    stage: stage.id,
    fields: [],
    contacts: [],
    missing: ['amount', 'closeDate', 'owner', 'account'],
    adapter: LAB_CRM,
    readAt: now,
  };
}
