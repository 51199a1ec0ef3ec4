import { useState } from 'react';
import { importDirectoryCsv } from '@/lib/directory/import-csv';
import { importDirectoryJson } from '@/lib/directory/import-json';
import type { DirectoryImport } from '@/lib/directory/import-result';
import { formatPath } from '@/lib/domain/issues';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { datedFilename, download, readFileText } from '@/lib/options/files';
import { publish } from '@/lib/messaging/page-client';
import { getDatabase } from '@/lib/store/connection';
import { loadActiveDirectory, type ActiveDirectory } from '@/lib/deal/active-policy';
import { listDirectory, replaceDirectory } from '@/lib/store/directory';
import { isConfiguration, useStoredData } from '@/components/hooks/useStoredData';
import { LoadError, Loading } from '@/components/LoadState';
import { FileButton, StatusLine, type Status } from './FileButton';

async function parseDirectoryFile(file: File): Promise<DirectoryImport | 'too-large' | 'not-json'> {
  const read = await readFileText(file, 20 * 1024 * 1024);
  if (!read.ok) return 'too-large';
  if (!/\.json$/i.test(file.name)) return importDirectoryCsv(read.text);
  try {
    return importDirectoryJson(JSON.parse(read.text));
  } catch {
    return 'not-json';
  }
}

/** How many people the stored directory has, and which directory is in force (IT's managed one wins). */
async function readDirectoryState(): Promise<{ count: number; active: ActiveDirectory }> {
  const db = await getDatabase();
  const [people, active] = await Promise.all([listDirectory(db), loadActiveDirectory(db)]);
  return { count: people.length, active };
}

/** Import the team directory with a preview of valid rows and row errors; replace it all at once. */
export function DirectorySection() {
  const { data, reload: refresh } = useStoredData('directory', readDirectoryState, isConfiguration);
  const [preview, setPreview] = useState<DirectoryImport | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const count = data.status === 'ready' ? data.value.count : null;
  const active = data.status === 'ready' ? data.value.active : null;

  const choose = async (file: File) => {
    setStatus(null);
    const parsed = await parseDirectoryFile(file);
    if (parsed === 'too-large' || parsed === 'not-json') {
      setPreview(null);
      setStatus({ kind: 'error', text: t(parsed === 'too-large' ? 'fileTooLarge' : 'fileNotJson') });
      return;
    }
    setPreview(parsed);
  };
  const apply = async () => {
    if (!preview) return;
    try {
      await replaceDirectory(await getDatabase(), preview.people);
      setStatus({ kind: 'ok', text: t('directoryReplaced', formatNumber(preview.people.length)) });
      setPreview(null);
      refresh();
      await publish({ type: 'broadcast/configuration' });
    } catch (error) {
      setStatus({ kind: 'error', text: t('actionFailed', String(error)) });
    }
  };

  return (
    <section aria-labelledby="directory-heading" data-testid="directory-section">
      <h2 id="directory-heading">{t('optionsDirectory')}</h2>
      {data.status === 'loading' && <Loading text={t('optionsLoading')} />}
      {data.status === 'error' && <LoadError text={t('directoryLoadError')} retry={refresh} />}
      {count !== null && <p>{t('directoryCount', formatNumber(count))}</p>}
      {active?.source === 'managed' && <p className="small muted">{t('directoryManaged', formatNumber(active.people.length))}</p>}
      {active && active.managedErrors > 0 && (
        <p className="warning small" role="status">
          {t('directoryManagedInvalid', formatNumber(active.managedErrors))}
        </p>
      )}
      <FileButton label={t('directoryImport')} accept=".csv,.json,text/csv,application/json" onFile={(file) => void choose(file)} />
      {preview && (
        <div className="preview" data-testid="directory-preview">
          <p>{t('directoryPreview', formatNumber(preview.people.length), formatNumber(new Set(preview.errors.map((e) => e.row)).size))}</p>
          <ul className="small">
            {preview.errors.slice(0, 50).map((error, index) => (
              <li key={index}>{t('directoryRowError', error.row === null ? '—' : formatNumber(error.row), formatPath(error.path), error.message)}</li>
            ))}
          </ul>
          {preview.people.length > 0 && (
            <button type="button" onClick={() => void apply()}>
              {t('directoryReplace', formatNumber(preview.people.length))}
            </button>
          )}{' '}
          <button type="button" className="secondary" onClick={() => setPreview(null)}>
            {t('dataCancel')}
          </button>
        </div>
      )}
      <p>
        <button
          type="button"
          className="secondary"
          onClick={() => void getDatabase().then(listDirectory).then((people) => download(datedFilename('directory', new Date()), JSON.stringify(people, null, 2)))}
        >
          {t('directoryExport')}
        </button>
      </p>
      <StatusLine status={status} />
    </section>
  );
}
