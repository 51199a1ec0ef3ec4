import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { t } from '@/lib/i18n';
import { applyLanguagePreference } from '@/lib/i18n/preference';
import { getDatabase } from '@/lib/store/connection';
import '@/components/panel.css';

async function start(root: HTMLElement): Promise<void> {
  await getDatabase().then(applyLanguagePreference).catch(() => undefined);
  document.title = t('optionsTitle');
  createRoot(root).render(
    <StrictMode>
      <OptionsApp />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
