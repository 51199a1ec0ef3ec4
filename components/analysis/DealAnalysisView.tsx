import { useMemo } from 'react';
import { recordKey, type RecordSnapshot } from '@/lib/crm/snapshot';
import { t, type MessageKey } from '@/lib/i18n';
import { acceptSuggestion, addStakeholder, annotateStakeholder, assign, exportRecord, rejectSuggestion, saveRequirementValue, unassign } from '@/lib/panel/actions';
import type { PlaybookSource } from '@/lib/playbook/sources';
import { useDealAnalysis } from '../hooks/useDealAnalysis';
import { LoadError, Loading } from '../LoadState';
import { NotesSection } from '../NotesSection';
import { summarizeDeal } from '@/lib/engines/summary';
import { BriefSection } from './BriefSection';
import { DealSummaryLine } from './DealSummaryLine';
import { DecisionChainSection } from './DecisionChainSection';
import { RequirementsSection } from './RequirementsSection';
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

  if (deal.status === 'loading') return <Loading text={t('analysisLoading')} />;
  if (deal.status === 'error' || !labels) return <LoadError text={t('analysisError')} retry={reload} />;
  const { analysis, playbook, facts, directory } = deal.value;
  const report = (error: unknown) => console.error('Iron Triangle: could not save', error);
  return (
    <>
      <DealSummaryLine summary={summarizeDeal(analysis)} labels={labels} />
      <p className="small muted" data-testid="stage-resolution">
        {say(analysis.stage.explanation)}
      </p>
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
        actions={{
          accept: (fieldId, mention) => void acceptSuggestion(key, fieldId, mention, Date.now()).catch(report),
          reject: (fieldId, mention) => void rejectSuggestion(key, fieldId, mention, Date.now()).catch(report),
          saveValue: (fieldId, value, confirmed, basedOn) => saveRequirementValue(key, fieldId, value, confirmed, basedOn, Date.now()),
        }}
      />
      <TeamSection
        report={analysis.team}
        labels={labels}
        directorySize={directory.length}
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
      />
      <BriefSection input={() => ({ record, analysis, playbook: playbook.playbook, now: new Date() })} />
      <NotesSection record={{ recordKey: key, name: record.name ?? record.recordId }} notes={facts.notes} />
      <p>
        <button type="button" className="secondary" onClick={() => void exportRecord(key).catch(report)}>
          {t('exportRecord')}
        </button>
      </p>
    </>
  );
}
