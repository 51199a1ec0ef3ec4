import { useState } from 'react';
import { formatPath } from '@/lib/domain/issues';
import { t, getLocale, type MessageKey } from '@/lib/i18n';
import { datedFilename, download, readFileText } from '@/lib/options/files';
import { IMPORTED_PLAYBOOK_SETTING, loadActivePlaybook } from '@/lib/deal/active-policy';
import { publish } from '@/lib/messaging/page-client';
import { playbookJsonSchema } from '@/lib/playbook/json-schema';
import { parsePlaybook } from '@/lib/playbook/parse';
import type { Playbook } from '@/lib/playbook/schema';
import { rulesForFile, rulesFromFile, withRules } from '@/lib/page-rules/file';
import { MAX_PAGE_RULES } from '@/lib/page-rules/schema';
import { readPageRules, writePageRules } from '@/lib/page-rules/store';
import { formatNumber } from '@/lib/i18n/format';
import type { PlaybookSource } from '@/lib/playbook/sources';
import { explain } from '@/lib/domain/explain';
import { getDatabase } from '@/lib/store/connection';
import { writeSetting } from '@/lib/store/settings';
import { z } from '@/lib/zod/mini';
import { isConfiguration, useStoredData } from '@/components/hooks/useStoredData';
import { LoadError, Loading } from '@/components/LoadState';
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
    const db = await getDatabase();
    const imported = parsed.value.pageRules ?? [];
    if (imported.length > 0) {
      // Rules first: a list that cannot be stored (too many with the ones kept) refuses the whole import.
      const now = Date.now();
      const rules = withRules(await readPageRules(db), rulesFromFile(imported, 'import', now, () => crypto.randomUUID()));
      if (rules.length > MAX_PAGE_RULES) return setStatus({ kind: 'error', text: t('importRejected'), details: [t('pointFailedTooMany')] });
      await writePageRules(db, rules);
    }
    await writeSetting(db, IMPORTED_PLAYBOOK_SETTING, z.string(), read.text);
    const name = parsed.value.name[getLocale()];
    await changed({ kind: 'ok', text: imported.length > 0 ? t('playbookImportedWithRules', name, formatNumber(imported.length)) : t('playbookImported', name) });
  };
  // The file carries the user's own and imported page rules (IT's come with the policy).
  const exportPlaybook = async (playbook: Playbook) => {
    const rules = rulesForFile(await readPageRules(await getDatabase()));
    download(datedFilename('playbook', new Date()), JSON.stringify({ ...playbook, pageRules: rules.length > 0 ? rules : undefined }, null, 2));
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
        <button type="button" className="secondary" disabled={!active} onClick={() => active && void exportPlaybook(active.playbook)}>
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
