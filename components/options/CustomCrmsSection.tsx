import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { SELECTOR_KEYS } from '@/lib/crm/adapters/generic';
import { exportCustomCrms, importCustomCrms } from '@/lib/custom-crm/file';
import { matchPatternForHost } from '@/lib/custom-crm/host-pattern';
import { parseCustomCrm, suggestCustomCrmId, type CustomCrm } from '@/lib/custom-crm/schema';
import { readCustomCrms, writeCustomCrms } from '@/lib/custom-crm/store';
import { formatPath } from '@/lib/domain/issues';
import { t, type MessageKey } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { download, readFileText } from '@/lib/options/files';
import { publish } from '@/lib/messaging/page-client';
import { getDatabase } from '@/lib/store/connection';
import { isConfiguration, useStoredData } from '@/components/hooks/useStoredData';
import { LoadError, Loading } from '@/components/LoadState';
import { FileButton, StatusLine, type Status } from './FileButton';
import { PART_LABEL } from '@/components/part-labels';

const PART: Record<(typeof SELECTOR_KEYS)[number], MessageKey> = { ...PART_LABEL, contacts: 'customCrmContacts' };

interface Form {
  name: string;
  host: string;
  selectors: Partial<Record<(typeof SELECTOR_KEYS)[number], string>>;
}

const EMPTY_FORM: Form = { name: '', host: '', selectors: {} };

/** The definition a filled-in form stands for (not yet validated). */
function definitionFrom(form: Form, taken: readonly CustomCrm[], now: number): unknown {
  const pattern = matchPatternForHost(form.host);
  const selectors = Object.fromEntries(SELECTOR_KEYS.flatMap((key) => (form.selectors[key]?.trim() ? [[key, form.selectors[key].trim()]] : [])));
  return {
    id: suggestCustomCrmId(form.name, taken.map((crm) => crm.id)),
    name: form.name,
    hostPattern: pattern.ok ? pattern.value : form.host,
    ...(Object.keys(selectors).length > 0 ? { selectors } : {}),
    createdAt: now,
  };
}

/** The stored CRMs and whether the user granted access to each one's host. */
async function loadState(): Promise<{ crms: CustomCrm[]; granted: Record<string, boolean> }> {
  const crms = await readCustomCrms(await getDatabase());
  const access = await Promise.all(crms.map((crm) => browser.permissions.contains({ origins: [crm.hostPattern] })));
  return { crms, granted: Object.fromEntries(crms.map((crm, index) => [crm.id, access[index] ?? false])) };
}

/** Add, remove, export and import the user's own CRMs; each is granted access to its one host. */
export function CustomCrmsSection() {
  const { data, reload: refresh } = useStoredData('custom-crms', loadState, isConfiguration);
  const { crms, granted } = data.status === 'ready' ? data.value : { crms: [], granted: {} as Record<string, boolean> };
  const [form, setForm] = useState<Form>(EMPTY_FORM);
  const [pendingImport, setPendingImport] = useState<CustomCrm[] | null>(null);
  const [status, setStatus] = useState<Status>(null);


  const save = async (next: CustomCrm[], done: Status) => {
    try {
      await writeCustomCrms(await getDatabase(), next);
      await publish({ type: 'broadcast/configuration' });
      setStatus(done);
    } catch (error) {
      setStatus({ kind: 'error', text: t('actionFailed', String(error)) });
    }
    refresh();
  };

  // The permission prompt must open straight from the click: validate synchronously, request, then save.
  const add = (event: FormEvent) => {
    event.preventDefault();
    const candidate = parseCustomCrm(definitionFrom(form, crms, Date.now()));
    if (!candidate.ok) {
      setStatus({ kind: 'error', text: t('importRejected'), details: candidate.errors.map((error) => `${formatPath(error.path)}: ${error.message}`) });
      return;
    }
    const crm = candidate.value;
    void browser.permissions.request({ origins: [crm.hostPattern] }).then((ok) => {
      if (!ok) return setStatus({ kind: 'error', text: t('customCrmDenied', crm.hostPattern) });
      setForm(EMPTY_FORM);
      return save([...crms, crm], { kind: 'ok', text: t('customCrmAdded', crm.name) });
    });
  };

  const remove = (crm: CustomCrm) => {
    const rest = crms.filter((other) => other.id !== crm.id);
    void save(rest, { kind: 'ok', text: t('optionsSaved') }).then(async () => {
      if (!rest.some((other) => other.hostPattern === crm.hostPattern)) await browser.permissions.remove({ origins: [crm.hostPattern] });
    });
  };

  const chooseImport = async (file: File) => {
    const read = await readFileText(file, 1_000_000);
    if (!read.ok) return setStatus({ kind: 'error', text: t('fileTooLarge') });
    const parsed = importCustomCrms(read.text);
    if (!parsed.ok) return setStatus({ kind: 'error', text: t('importRejected'), details: parsed.errors.map((e) => `${formatPath(e.path)}: ${e.message}`) });
    setPendingImport(parsed.value.filter((crm) => !crms.some((existing) => existing.id === crm.id)));
  };
  const confirmImport = () => {
    if (!pendingImport) return;
    const added = pendingImport;
    void browser.permissions.request({ origins: added.map((crm) => crm.hostPattern) }).then((ok) => {
      setPendingImport(null);
      if (!ok) return setStatus({ kind: 'error', text: t('customCrmDenied', added.map((crm) => crm.hostPattern).join(', ')) });
      return save([...crms, ...added], { kind: 'ok', text: t('customCrmAdded', added.map((crm) => crm.name).join(', ')) });
    });
  };

  return (
    <section aria-labelledby="custom-crms-heading" data-testid="custom-crms-section">
      <h2 id="custom-crms-heading">{t('optionsCustomCrms')}</h2>
      <p className="small">{t('customCrmsIntro')}</p>
      {data.status === 'loading' ? (
        <Loading text={t('optionsLoading')} />
      ) : data.status === 'error' ? (
        <LoadError text={t('customCrmsLoadError')} retry={refresh} />
      ) : crms.length === 0 ? (
        <p className="muted">{t('customCrmsEmpty')}</p>
      ) : (
        <ul>
          {crms.map((crm) => (
            <li key={crm.id} data-testid="custom-crm">
              <strong>{crm.name}</strong> <code>{crm.hostPattern}</code> {granted[crm.id] === false && <span className="error small">({t('customCrmNoAccess')})</span>}{' '}
              <button type="button" className="link-button" onClick={() => remove(crm)}>
                {t('customCrmRemove', crm.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="custom-crm-form">
        <label>
          {t('customCrmName')} <input required value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
        </label>
        <label>
          {t('customCrmHost')} <input required value={form.host} onChange={(event) => setForm({ ...form, host: event.target.value })} />
        </label>
        <details>
          <summary>{t('customCrmSelectors')}</summary>
          {SELECTOR_KEYS.map((key) => (
            <label key={key}>
              {t('customCrmSelector', t(PART[key]))} <input value={form.selectors[key] ?? ''} onChange={(event) => setForm({ ...form, selectors: { ...form.selectors, [key]: event.target.value } })} />
            </label>
          ))}
        </details>
        <button type="submit">{t('customCrmAdd')}</button>
      </form>
      <p>
        <button type="button" className="secondary" disabled={crms.length === 0} onClick={() => download('iron-triangle-custom-crms.json', exportCustomCrms(crms))}>
          {t('customCrmsExport')}
        </button>
      </p>
      <FileButton label={t('customCrmsImport')} accept=".json,application/json" onFile={(file) => void chooseImport(file)} />
      {pendingImport && (
        <p>
          <button type="button" onClick={confirmImport} disabled={pendingImport.length === 0}>
            {t('customCrmImportConfirm', formatNumber(pendingImport.length))}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setPendingImport(null)}>
            {t('dataCancel')}
          </button>
        </p>
      )}
      <StatusLine status={status} />
    </section>
  );
}
