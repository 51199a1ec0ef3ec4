import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Panel } from '@/components/Panel';
import { t } from '@/lib/i18n';
import { applyLanguagePreference } from '@/lib/i18n/preference';
import { panelTarget } from '@/lib/panel/client';
import { getDatabase } from '@/lib/store/connection';
import '@/components/panel.css';

async function start(root: HTMLElement): Promise<void> {
  // The stored language decides every string, so it is read before the first render.
  await getDatabase().then(applyLanguagePreference).catch(() => undefined);
  document.title = t('panelTitle');
  createRoot(root).render(
    <StrictMode>
      <Panel target={panelTarget(location.search)} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
