import { useReducer } from 'react';
import { t } from '@/lib/i18n';
import { DeskLink } from '@/components/DeskLink';
import { AboutSection } from './AboutSection';
import { CustomCrmsSection } from './CustomCrmsSection';
import { DataSection } from './DataSection';
import { DirectorySection } from './DirectorySection';
import { DisplaySection } from './DisplaySection';
import { LanguageSection } from './LanguageSection';
import { PageRulesSection } from './PageRulesSection';
import { PlaybookLab } from './PlaybookLab';
import { PlaybookSection } from './PlaybookSection';
import { SalesforceSection } from './SalesforceSection';
import { SignatureSection } from './SignatureSection';

/** The options page: one section per thing a user or admin configures. */
export function OptionsApp() {
  // A language change re-renders every section in the new language.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  return (
    <main className="panel options">
      <h1>{t('optionsTitle')}</h1>
      <p>
        <DeskLink />
      </p>
      <LanguageSection onChange={rerender} />
      <SignatureSection />
      <DisplaySection />
      <PlaybookSection />
      <PlaybookLab />
      <DirectorySection />
      <CustomCrmsSection />
      <SalesforceSection />
      <PageRulesSection />
      <DataSection />
      <AboutSection />
    </main>
  );
}
