import { useEffect, useState } from 'react';
import { readDisplayPreferences, writeDisplayPreferences } from '@/lib/display/preferences';
import { t } from '@/lib/i18n';
import type { DisplayPreferences } from '@/lib/display/schema';
import { publish } from '@/lib/messaging/page-client';
import { getDatabase } from '@/lib/store/connection';
import { LoadError } from '@/components/LoadState';

/** The launcher badge on/off and where it opens the panel; every open CRM tab follows at once. */
export function DisplaySection() {
  const [display, setDisplay] = useState<DisplayPreferences | null>(null);
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [readFailed, setReadFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    getDatabase()
      .then(readDisplayPreferences)
      .then(setDisplay, () => setReadFailed(true));
  }, [attempt]);
  const save = async (next: DisplayPreferences) => {
    const previous = display;
    // Shown at once (a controlled input would otherwise snap back until the write ends).
    setDisplay(next);
    setSaved('saving');
    try {
      await writeDisplayPreferences(await getDatabase(), next);
      await publish({ type: 'broadcast/configuration' });
      setSaved('saved');
    } catch {
      setDisplay(previous);
      setSaved('failed');
    }
  };
  return (
    <section aria-labelledby="display-heading">
      <h2 id="display-heading">{t('optionsDisplay')}</h2>
      <p>
        <label>
          <input
            type="checkbox"
            checked={display?.launcher ?? false}
            disabled={display === null}
            onChange={(event) => display && void save({ ...display, launcher: event.target.checked })}
          />{' '}
          {t('displayLauncher')}
        </label>
      </p>
      <fieldset disabled={display === null}>
        <legend>{t('displayPlacement')}</legend>
        {(['side-panel', 'docked'] as const).map((placement) => (
          <label key={placement} className="choice">
            <input
              type="radio"
              name="placement"
              value={placement}
              checked={display?.placement === placement}
              onChange={() => display && void save({ ...display, placement })}
            />{' '}
            {t(placement === 'docked' ? 'displayDocked' : 'displaySidePanel')}
          </label>
        ))}
      </fieldset>
      {readFailed && (
        <LoadError
          text={t('displayLoadError')}
          retry={() => {
            setReadFailed(false);
            setAttempt((n) => n + 1);
          }}
        />
      )}
      <p className="small muted">{t('displayHint')}</p>
      <p role="status" className={saved === 'failed' ? 'error small' : 'small muted'} data-testid="display-saved" data-state={saved}>
        {saved === 'saved' ? t('displaySaved') : saved === 'failed' ? t('displaySaveFailed') : ''}
      </p>
    </section>
  );
}
