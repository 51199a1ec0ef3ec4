import { describe, expect, it } from 'vitest';
import { NOW } from '@/lib/engines/testing/fixtures';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import type { Playbook } from '@/lib/playbook/schema';
import { tryNote } from './lab';
import { proposeFacts } from '@/lib/notes/propose';

const lab = (text: string, playbook: Playbook = DEFAULT_PLAYBOOK) => tryNote(playbook, text, { now: NOW });

describe('tryNote on the default playbook', () => {
  it('proposes exactly what the panel proposes', () => {
    const text = 'We want a 30% advance payment and the rest by letter of credit.';
    expect(lab(text).proposals).toEqual(proposeFacts(DEFAULT_PLAYBOOK, { text, capturedAt: NOW }));
  });

  it('a note about incoming inspection brings in our quality engineer and the customer’s quality inspection (the IQC story)', () => {
    const result = lab('Their incoming inspection (IQC) rejects any batch above AQL 0.65.');
    expect(result.proposals.map((proposal) => proposal.requirementId)).toContain('acceptance-quality');
    expect(result.teamRoles).toEqual(['quality-engineer']);
    expect(result.customerRoles).toEqual([{ role: 'quality-inspection' }]);
    // The note rule fires on the note itself, from the first stage on; the acceptance rule once its value is accepted.
    const quality = result.triggers.filter((trigger) => trigger.role === 'quality-engineer');
    expect(quality).toContainEqual(expect.objectContaining({ side: 'team', level: 'suggested', stage: 'lead', onceAccepted: false }));
    expect(quality).toContainEqual(expect.objectContaining({ side: 'team', level: 'required', onceAccepted: true }));
    expect(quality.find((trigger) => !trigger.onceAccepted)?.evidence?.key).toBe('condition.noteMentions');
  });

  it('reads Chinese notes the same way', () => {
    const result = lab('客户要求来料检验按AQL 0.65抽检，不合格整批退货。');
    expect(result.teamRoles).toEqual(['quality-engineer']);
    expect(result.customerRoles).toEqual([{ role: 'quality-inspection' }]);
  });

  it('payment terms bring in finance; a contract deviation brings in legal on both sides', () => {
    expect(lab('We want a 30% advance payment and the rest by letter of credit.').teamRoles).toEqual(['finance']);
    const deviation = lab('They asked for a contract deviation on the liability cap.');
    expect(deviation.teamRoles).toEqual(['legal']);
    expect(deviation.customerRoles).toEqual([{ role: 'legal' }]);
  });

  it('a role the accepted value triggers is marked as such (customs in the delivery constraints: supply chain)', () => {
    const result = lab('Customs clearance for the radios takes 6 weeks at the port.');
    expect(result.proposals.map((proposal) => proposal.requirementId)).toContain('delivery-constraints');
    expect(result.triggers.filter((trigger) => trigger.role === 'supply-chain')).toEqual([
      expect.objectContaining({ side: 'team', onceAccepted: true, stage: 'lead' }),
    ]);
  });

  it('an off-topic note triggers nothing, and roles the stage alone calls for are never reported', () => {
    for (const text of ['Nice weather today, we talked about football.', '', '   ']) {
      expect(lab(text)).toEqual({ proposals: [], teamRoles: [], customerRoles: [], triggers: [] });
    }
  });

  it('reports a role at the first stage where the note triggers it', () => {
    const [bid] = DEFAULT_PLAYBOOK.stages.filter((stage) => stage.id === 'bid');
    const playbook: Playbook = {
      ...DEFAULT_PLAYBOOK,
      roleRules: [
        {
          id: 'legal-on-tender-note',
          role: 'legal',
          level: 'required',
          because: { en: 'Tender terms.', 'zh-CN': '招标条款。' },
          when: {
            kind: 'all',
            conditions: [
              { kind: 'stage-reached', stage: bid!.id },
              { kind: 'note-mentions', keywords: { en: ['tender'], 'zh-CN': ['招标'] } },
            ],
          },
        },
      ],
      decisionRoles: [],
    };
    expect(lab('The tender opens next month.', playbook).triggers).toEqual([expect.objectContaining({ role: 'legal', stage: 'bid', level: 'required' })]);
  });
});
