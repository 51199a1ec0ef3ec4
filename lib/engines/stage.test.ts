import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { compilePlaybook } from './compiled-playbook';
import { explain } from '@/lib/domain/explain';
import { resolveStage } from './stage';

const compiled = compilePlaybook(DEFAULT_PLAYBOOK);
const resolve = (crm: string, stage: string | undefined) => resolveStage(compiled, { crm, stage });

describe('resolveStage', () => {
  it.each([
    ['salesforce', 'Negotiation/Review', 'bid', 3],
    ['salesforce', '谈判/审查', 'bid', 3],
    ['salesforce', '资格审查', 'qualification', 1],
    ['hubspot', 'Presentation scheduled', 'solution', 2],
    ['odoo', 'Won', 'contract', 4],
  ])('maps %s "%s" to %s', (crm, stage, stageId, position) => {
    expect(resolve(crm, stage)).toMatchObject({ kind: 'mapped', stageId, position });
  });

  it('ignores case and spacing, as CRMs and admins write names differently', () => {
    expect(resolve('salesforce', '  closed   WON ')).toMatchObject({ kind: 'mapped', stageId: 'contract' });
  });

  it('puts a lost stage outside the pipeline', () => {
    expect(resolve('zoho', 'Closed-Lost to Competition')).toMatchObject({ kind: 'mapped', stageId: 'lost', position: null });
  });

  it('explains the mapping in both languages', () => {
    const resolution = resolve('salesforce', '提议/报价');
    expect(explain(resolution.explanation, 'en')).toBe('CRM stage “提议/报价” is the LTC stage Bid / negotiation.');
    expect(explain(resolution.explanation, 'zh-CN')).toBe('CRM 阶段“提议/报价”对应 LTC 阶段：投标 / 谈判。');
  });

  it('reports a stage name the playbook does not list instead of guessing the nearest one', () => {
    const resolution = resolve('salesforce', 'Negotiation');
    expect(resolution).toMatchObject({ kind: 'unknown', crmStageName: 'Negotiation' });
    expect(resolution.explanation.key).toBe('stage.unknown');
    // The name of another CRM does not count either.
    expect(resolve('salesforce', 'Contract sent').kind).toBe('unknown');
  });

  it('reports a CRM the playbook has no stage names for', () => {
    const resolution = resolve('espocrm', 'Prospecting');
    expect(resolution).toMatchObject({ kind: 'unknown', crmStageName: 'Prospecting' });
    expect(explain(resolution.explanation, 'en')).toContain('no stage names for espocrm');
  });

  it('reports a record without a stage', () => {
    expect(resolve('salesforce', undefined).kind).toBe('missing');
    expect(resolve('salesforce', '   ').kind).toBe('missing');
  });
});
