import { useState } from 'react';
import { formatPath } from '@/lib/domain/issues';
import { t, type MessageKey } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { datedFilename, download, readFileText } from '@/lib/options/files';
import { publish } from '@/lib/messaging/page-client';
import { applyImport, exportBackup, parseBackup, previewImport, TABLE_NAMES, type Backup, type ImportPreview, type TableName } from '@/lib/store/backup';
import { getDatabase } from '@/lib/store/connection';
import { FileButton, StatusLine, type Status } from './FileButton';

const TABLE_LABEL: Record<TableName, MessageKey> = {
  records: 'tableRecords',
  notes: 'tableNotes',
  requirementValues: 'tableRequirementValues',
  decisions: 'tableDecisions',
  stakeholders: 'tableStakeholders',
  assignments: 'tableAssignments',
  directory: 'tableDirectory',
  stageOverrides: 'tableStageOverrides',
};

/** Export the whole store; import a backup after a preview, all or nothing. */
export function DataSection() {
  const [pending, setPending] = useState<{ backup: Backup; preview: ImportPreview } | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const choose = async (file: File) => {
    setStatus(null);
    setPending(null);
    const read = await readFileText(file);
    if (!read.ok) return setStatus({ kind: 'error', text: t('fileTooLarge') });
    const parsed = parseBackup(read.text);
    if (!parsed.ok) {
      const text = parsed.reason === 'not-json' ? t('fileNotJson') : parsed.reason === 'too-large' ? t('fileTooLarge') : t('importRejected');
      return setStatus({ kind: 'error', text, details: parsed.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) });
    }
    setPending({ backup: parsed.backup, preview: await previewImport(await getDatabase(), parsed.backup) });
  };
  const apply = async () => {
    if (!pending) return;
    try {
      await applyImport(await getDatabase(), pending.backup);
      setPending(null);
      setStatus({ kind: 'ok', text: t('dataImported') });
      await publish({ type: 'broadcast/configuration' });
      await publish({ type: 'broadcast/notes', recordKey: null });
    } catch (error) {
      setStatus({ kind: 'error', text: t('actionFailed', String(error)) });
    }
  };

  return (
    <section aria-labelledby="data-heading" data-testid="data-section">
      <h2 id="data-heading">{t('optionsData')}</h2>
      <p>
        <button
          type="button"
          onClick={() =>
            void getDatabase()
              .then((db) => exportBackup(db, new Date()))
              .then((backup) => download(datedFilename('backup', new Date()), JSON.stringify(backup)))
          }
        >
          {t('dataExport')}
        </button>
      </p>
      <FileButton label={t('dataImport')} accept=".json,application/json" onFile={(file) => void choose(file)} />
      {pending && (
        <div className="preview" data-testid="data-preview">
          <p>{t('dataPreviewHeading')}</p>
          <ul className="small">
            {TABLE_NAMES.map((name) => {
              const row = pending.preview[name];
              return <li key={name}>{t('dataPreviewRow', t(TABLE_LABEL[name]), formatNumber(row.added), formatNumber(row.unchanged), formatNumber(row.conflicts))}</li>;
            })}
          </ul>
          <button type="button" onClick={() => void apply()}>
            {t('dataApply')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setPending(null)}>
            {t('dataCancel')}
          </button>
        </div>
      )}
      <StatusLine status={status} />
    </section>
  );
}
