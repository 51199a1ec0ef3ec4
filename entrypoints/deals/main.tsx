import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DealDesk } from '@/components/desk/DealDesk';
import { preloadPackedDesk } from '@/lib/desk/packed';
import { t } from '@/lib/i18n';
import { applyLanguagePreference } from '@/lib/i18n/preference';
import { getDatabase } from '@/lib/store/connection';
import '@/components/panel.css';
import '@/components/desk/desk.css';

async function start(root: HTMLElement): Promise<void> {
  // The desk's rows are read while the language is (lib/desk/packed.ts).
  const packedRows = preloadPackedDesk(getDatabase);
  // The stored language decides every string, so it is read before the first render.
  await getDatabase().then(applyLanguagePreference).catch(() => undefined);
  document.title = t('deskPageTitle');
  createRoot(root).render(
    <StrictMode>
      <DealDesk openDatabase={getDatabase} packedRows={packedRows} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
