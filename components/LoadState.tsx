import { t } from '@/lib/i18n';

/** Said while a section's data is read; it holds the section's usual minimum height so nothing jumps when the data arrives. */
export function Loading({ text }: { text: string }) {
  return (
    <p className="muted loading" role="status" aria-busy="true" data-testid="loading">
      {text}
    </p>
  );
}

/** A read that failed: what could not be read, that nothing was lost, and a way to try again. */
export function LoadError({ text, retry }: { text: string; retry: () => void }) {
  return (
    <div className="load-error" role="alert" data-testid="load-error">
      <p className="error">{text}</p>
      <button type="button" onClick={retry}>
        {t('loadRetry')}
      </button>
    </div>
  );
}
