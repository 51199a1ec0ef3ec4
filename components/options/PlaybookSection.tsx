import { useState } from 'react';
import { formatPath } from '@/lib/domain/issues';
import { t, getLocale, type MessageKey } from '@/lib/i18n';
import { datedFilename, download, readFileText } from '@/lib/options/files';
import { IMPORTED_PLAYBOOK_SETTING, loadActivePlaybook } from '@/lib/panel/active-policy';
import { publish } from '@/lib/panel/client';
import { playbookJsonSchema } from '@/lib/playbook/json-schema';
import { parsePlaybook } from '@/lib/playbook/parse';
import type { PlaybookSource } from '@/lib/playbook/sources';
import { explain } from '@/lib/engines/explain';
import { getDatabase } from '@/lib/store/connection';
import { writeSetting } from '@/lib/store/settings';
import { z } from '@/lib/domain/zod';
import { isConfiguration, useStoredData } from '../hooks/useStoredData';
import { LoadError, Loading } from '../LoadState';
import { FileButton, StatusLine, type Status } from './FileButton';

const SOURCE: Record<PlaybookSource, MessageKey> = { default: 'playbookSourceDefault', imported: 'playbookSourceImported', managed: 'playbookSourceManaged' };

/** Which playbook is in force and from where; import (validated, errors by path), export, back to default. */
export function PlaybookSection() {
  const { data, reload: refresh } = useStoredData('playbook', () => getDatabase().then(loadActivePlaybook), isConfiguration);
  const active = data.status === 'ready' ? data.value : null;
  const [status, setStatus] = useState<Status>(null);

  const changed = async (next: Status) => {
    setStatus(next);
    refresh();
    await publish({ type: 'broadcast/configuration' });
  };
  const importFile = async (file: File) => {
    const read = await readFileText(file, 5 * 1024 * 1024);
    if (!read.ok) return setStatus({ kind: 'error', text: t('fileTooLarge') });
    let json: unknown;
    try {
      json = JSON.parse(read.text);
    } catch {
      return setStatus({ kind: 'error', text: t('fileNotJson') });
    }
    const parsed = parsePlaybook(json);
    if (!parsed.ok) {
      return setStatus({ kind: 'error', text: t('importRejected'), details: parsed.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) });
    }
    await writeSetting(await getDatabase(), IMPORTED_PLAYBOOK_SETTING, z.string(), read.text);
    await changed({ kind: 'ok', text: t('playbookImported', parsed.value.name[getLocale()]) });
  };
  const removeImport = async () => {
    await (await getDatabase()).delete('settings', IMPORTED_PLAYBOOK_SETTING);
    await changed({ kind: 'ok', text: t('optionsSaved') });
  };

  return (
    <section aria-labelledby="playbook-heading" data-testid="playbook-section">
      <h2 id="playbook-heading">{t('optionsPlaybook')}</h2>
      {data.status === 'loading' && <Loading text={t('optionsLoading')} />}
      {data.status === 'error' && <LoadError text={t('playbookLoadError')} retry={refresh} />}
      {active && (
        <>
          <p data-testid="playbook-active">{t('playbookActive', active.playbook.name[getLocale()], active.playbook.version, t(SOURCE[active.source]))}</p>
          {active.source === 'managed' && <p className="small muted">{t('playbookManagedNote')}</p>}
          {active.warnings.map((warning) => (
            <p key={warning.source} className="warning small" role="status">
              {explain(warning.explanation, getLocale())}
            </p>
          ))}
        </>
      )}
      <FileButton label={t('playbookImport')} accept=".json,application/json" onFile={(file) => void importFile(file)} />
      <p>
        <button type="button" className="secondary" disabled={!active} onClick={() => active && download(datedFilename('playbook', new Date()), JSON.stringify(active.playbook, null, 2))}>
          {t('playbookExport')}
        </button>{' '}
        <button type="button" className="secondary" onClick={() => download('iron-triangle-playbook.schema.json', JSON.stringify(playbookJsonSchema(), null, 2))}>
          {t('playbookSchema')}
        </button>{' '}
        {active?.source === 'imported' && (
          <button type="button" className="secondary" onClick={() => void removeImport()}>
            {t('playbookRemoveImport')}
          </button>
        )}
      </p>
      <StatusLine status={status} />
    </section>
  );
}
