import { useMemo, useState } from 'react';
import { recordKey, type RecordSnapshot } from '@/lib/crm/snapshot';
import { t, type MessageKey } from '@/lib/i18n';
import {
  acceptRoleProposal,
  acceptSuggestion,
  addStakeholder,
  annotateStakeholder,
  assign,
  exportRecord,
  followCrmStage,
  moveDealOn,
  rejectSuggestion,
  saveRequirementValue,
  unassign,
} from '@/lib/panel/actions';
import type { PlaybookSource } from '@/lib/playbook/sources';
import { useDealAnalysis } from '@/components/hooks/useDealAnalysis';
import { LoadError, Loading } from '@/components/LoadState';
import { NotesSection } from '@/components/NotesSection';
import { summarizeDeal } from '@/lib/engines/summary';
import { BriefSection } from './BriefSection';
import { DealProgress } from './DealProgress';
import { DealSummaryLine } from './DealSummaryLine';
import { DecisionChainSection } from './DecisionChainSection';
import type { FocusRequest } from './focus';
import { NextActions } from './NextActions';
import { RequirementsSection } from './RequirementsSection';
import { StageControl } from './StageControl';
import { TeamSection } from './TeamSection';
import { localized, playbookLabels, say } from './text';

const SOURCE: Record<PlaybookSource, MessageKey> = {
  default: 'playbookSourceDefault',
  imported: 'playbookSourceImported',
  managed: 'playbookSourceManaged',
};

/** The three analyses of the record in view, and its notes. */
export function DealAnalysisView({ record }: { record: RecordSnapshot }) {
  const { data: deal, reload } = useDealAnalysis(record);
  const key = recordKey(record);
  const labels = useMemo(() => (deal.status === 'ready' ? playbookLabels(deal.value.playbook.playbook) : null), [deal]);
  // The last next action pressed: the section that owns its subject opens the right editor.
  const [focus, setFocus] = useState<FocusRequest | null>(null);

  if (deal.status === 'loading') return <Loading text={t('analysisLoading')} />;
  if (deal.status === 'error' || !labels) return <LoadError text={t('analysisError')} retry={reload} />;
  const { analysis, playbook, facts, directory } = deal.value;
  const report = (error: unknown) => console.error('Iron Triangle: could not save', error);
  return (
    <>
      <DealSummaryLine summary={summarizeDeal(analysis)} labels={labels} />
      <NextActions findings={analysis.findings} labels={labels} start={(finding) => setFocus({ action: finding.action, seq: (focus?.seq ?? 0) + 1 })} />
      {/* Below the next actions: the one missing link comes first, the picture of the whole deal after it. */}
      <DealProgress requirements={analysis.requirements} team={analysis.team} labels={labels} />
      <p className="small muted" data-testid="stage-resolution">
        {say(analysis.stage.explanation)}
      </p>
      <StageControl
        control={analysis.stageControl}
        labels={labels}
        moveOn={(stageId) => void moveDealOn(key, stageId, record.stage ?? '', Date.now()).catch(report)}
        followCrm={() => void followCrmStage(key).catch(report)}
      />
      <p className="small muted" data-testid="playbook-line">
        {t('playbookLine', localized(playbook.playbook.name), t(SOURCE[playbook.source]))}
      </p>
      {playbook.warnings.map((warning) => (
        <p key={warning.source} className="warning small" role="status">
          {say(warning.explanation)}
        </p>
      ))}
      <RequirementsSection
        report={analysis.requirements}
        labels={labels}
        decisions={facts.decisions}
        focus={focus}
        actions={{
          accept: (fieldId, mention, edited) => void acceptSuggestion(key, fieldId, mention, Date.now(), edited).catch(report),
          reject: (fieldId, mention) => void rejectSuggestion(key, fieldId, mention, Date.now()).catch(report),
          saveValue: (fieldId, value, confirmed, basedOn) => saveRequirementValue(key, fieldId, value, confirmed, basedOn, Date.now()),
        }}
      />
      <TeamSection
        report={analysis.team}
        labels={labels}
        directorySize={directory.length}
        focus={focus}
        actions={{
          assign: (roleId, personId) => void assign(key, roleId, personId, Date.now()).catch(report),
          unassign: (roleId, personId) => void unassign(key, roleId, personId).catch(report),
        }}
      />
      <DecisionChainSection
        report={analysis.decisionChain}
        labels={labels}
        directory={directory}
        stored={facts.stakeholders}
        addStakeholder={(roleId, person) => void addStakeholder(key, { ...person, roles: [roleId] }, Date.now()).catch(report)}
        annotate={(person, annotations, basedOn) => annotateStakeholder(key, person, annotations, basedOn, Date.now())}
        acceptProposal={(person, roleId, basedOn) => void acceptRoleProposal(key, person, roleId, basedOn, Date.now()).catch(report)}
        focus={focus}
      />
      <BriefSection input={() => ({ record, analysis, playbook: playbook.playbook, notes: facts.notes, now: new Date() })} />
      <NotesSection record={{ recordKey: key, name: record.name ?? record.recordId }} notes={facts.notes} />
      <p>
        <button type="button" className="secondary" onClick={() => void exportRecord(key).catch(report)}>
          {t('exportRecord')}
        </button>
      </p>
    </>
  );
}
