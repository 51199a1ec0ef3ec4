import { useState } from 'react';
import { handoffEmail, handoffMarkdown, type BriefInput } from '@/lib/brief/handoff';
import { t } from '@/lib/i18n';
import { datedFilename, download } from '@/lib/options/files';

/** One action to hand the captured needs over to SR/FR: copy or download the brief, or copy it as e-mail text. */
export function BriefSection({ input }: { input: () => BriefInput }) {
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  return (
    <section aria-labelledby="brief-heading" data-testid="brief-section">
      <h2 id="brief-heading">{t('briefSection')}</h2>
      <p>
        <button type="button" onClick={() => void copy(handoffMarkdown(input()))}>
          {t('briefCopyMarkdown')}
        </button>{' '}
        <button type="button" className="secondary" onClick={() => download(datedFilename('brief', new Date(), 'md'), handoffMarkdown(input()), 'text/markdown')}>
          {t('briefDownload')}
        </button>{' '}
        <button type="button" className="secondary" onClick={() => void copy(handoffEmail(input()))}>
          {t('briefCopyEmail')}
        </button>
      </p>
      <p role="status" className="small">
        {status === 'copied' ? t('briefCopied') : status === 'failed' ? t('briefCopyFailed') : ''}
      </p>
    </section>
  );
}
