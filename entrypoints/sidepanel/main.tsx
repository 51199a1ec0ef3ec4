import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Panel } from '@/components/Panel';
import { getLocale, t } from '@/lib/i18n';
import { panelTarget } from '@/lib/panel/client';
import '@/components/panel.css';

document.documentElement.lang = getLocale();
document.title = t('panelTitle');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Panel target={panelTarget(location.search)} />
    </StrictMode>,
  );
}
