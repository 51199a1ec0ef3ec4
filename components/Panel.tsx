import { recordKey } from '@/lib/crm/snapshot';
import { t } from '@/lib/i18n';
import { DealAnalysisView } from './analysis/DealAnalysisView';
import { CaptureStatus } from './CaptureStatus';
import { DeskLink } from './DeskLink';
import { useCaptureStatus } from './hooks/useCaptureStatus';
import { useFollowedTab, useTabState } from './hooks/useTabRecord';
import { NoRecord } from './NoRecord';
import { RecordHeader } from './RecordHeader';
import { SyncStatus } from './SyncStatus';
import type { RecordSnapshot } from '@/lib/crm/snapshot';
import { closeDockedPanel, type PanelTarget } from '@/lib/messaging/page-client';

function RecordView({ record, tabId }: { record: RecordSnapshot; tabId: number | null }) {
  return (
    <>
      <RecordHeader record={record} tabId={tabId ?? undefined} />
      <SyncStatus record={{ ...record, recordKey: recordKey(record), name: record.name ?? record.recordId }} />
      <DealAnalysisView record={record} />
    </>
  );
}

/** The side panel: the record of the followed tab, or why there is none. */
export function Panel({ target }: { target: PanelTarget }) {
  const tabId = useFollowedTab(target);
  const tab = useTabState(tabId);
  const capture = useCaptureStatus();
  return (
    <main className="panel" data-testid="panel" data-state={tab.status === 'ready' ? tab.value.kind : tab.status}>
      {'docked' in target && (
        <button type="button" className="secondary docked-close" onClick={() => void closeDockedPanel()}>
          {t('dockedClose')}
        </button>
      )}
      <nav className="panel-nav small" aria-label={t('panelNav')}>
        <DeskLink />
      </nav>
      <CaptureStatus outcome={capture} />
      {tab.status === 'loading' && <p className="muted">{t('panelLoading')}</p>}
      {tab.status === 'error' && <NoRecord state={{ kind: 'none' }} />}
      {tab.status === 'ready' &&
        (tab.value.kind === 'record' ? (
          <RecordView key={recordKey(tab.value.snapshot)} record={tab.value.snapshot} tabId={tabId} />
        ) : (
          <NoRecord state={tab.value} />
        ))}
    </main>
  );
}
