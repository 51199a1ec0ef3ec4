import { useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import { publish } from '@/lib/messaging/page-client';
import { MAX_SIGNATURE_CHARS, readSignature, writeSignature } from '@/lib/panel/signature';
import { getDatabase } from '@/lib/store/connection';
import { isConfiguration, useStoredData } from '@/components/hooks/useStoredData';
import { LoadError, Loading } from '@/components/LoadState';
import { StatusLine, type Status } from './FileButton';

/** The name written beside each fact the user records or accepts. */
export function SignatureSection() {
  const { data, reload } = useStoredData('signature', () => getDatabase().then(readSignature), isConfiguration);
  return (
    <section aria-labelledby="signature-heading">
      <h2 id="signature-heading">{t('optionsSignature')}</h2>
      <p className="small">{t('signatureHint')}</p>
      {data.status === 'loading' ? (
        <Loading text={t('optionsLoading')} />
      ) : data.status === 'error' ? (
        <LoadError text={t('actionFailed', data.error)} retry={reload} />
      ) : (
        <SignatureForm stored={data.value} />
      )}
    </section>
  );
}

function SignatureForm({ stored }: { stored: string }) {
  const [name, setName] = useState(stored);
  const [outcome, setOutcome] = useState<Status>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length > MAX_SIGNATURE_CHARS) return setOutcome({ kind: 'error', text: t('signatureTooLong', String(MAX_SIGNATURE_CHARS)) });
    void getDatabase()
      .then((db) => writeSignature(db, name))
      .then(() => publish({ type: 'broadcast/configuration' }))
      .then(() => setOutcome({ kind: 'ok', text: t('signatureSaved') }))
      .catch((error: unknown) => setOutcome({ kind: 'error', text: t('actionFailed', String(error)) }));
  };
  return (
    <form onSubmit={save}>
      <p>
        <input aria-labelledby="signature-heading" value={name} autoComplete="name" onChange={(event) => setName(event.target.value)} />{' '}
        <button type="submit">{t('signatureSave')}</button>
      </p>
      <StatusLine status={outcome} />
    </form>
  );
}
