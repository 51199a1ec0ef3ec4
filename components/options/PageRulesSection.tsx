import { useState } from 'react';
import { builtInCrmLabel } from '@/lib/crm/labels';
import { formatPath } from '@/lib/domain/issues';
import { t, type MessageKey } from '@/lib/i18n';
import { loadPolicyPageRules, type PolicyPageRules } from '@/lib/deal/policy-page-rules';
import { publish } from '@/lib/messaging/page-client';
import type { PageRule, RuleLocator } from '@/lib/page-rules/schema';
import { readPageRules, writePageRules } from '@/lib/page-rules/store';
import { getDatabase } from '@/lib/store/connection';
import { isConfiguration, useStoredData } from '@/components/hooks/useStoredData';
import { LoadError, Loading } from '@/components/LoadState';
import { PART_LABEL } from '@/components/part-labels';
import { StatusLine, type Status } from './FileButton';

const ORIGIN: Record<PageRule['origin'], MessageKey> = { user: 'pageRuleOriginUser', import: 'pageRuleOriginImport', policy: 'pageRuleOriginPolicy' };

async function loadRules(): Promise<{ stored: PageRule[]; policy: PolicyPageRules }> {
  const db = await getDatabase();
  const [stored, policy] = await Promise.all([readPageRules(db), loadPolicyPageRules(db)]);
  return { stored, policy };
}

const hostOf = (rule: PageRule) => (rule.host === '*' ? t('pageRuleEveryHost') : rule.host);

/** "selector [data-x]" / "beside label “Stage”", the rule's own text set as code within the sentence. */
function Where({ locator }: { locator: RuleLocator }) {
  const [before, after = ''] = t(locator.kind === 'selector' ? 'pageRuleSelector' : 'pageRuleBesideLabel', '\u0001').split('\u0001');
  return (
    <>
      {before}
      <code>{locator.kind === 'selector' ? locator.selector : locator.label}</code>
      {after}
    </>
  );
}

/**
 * The page rules in force: the user's (made by pointing at a value) and
 * imported ones, each removable, and IT's, shown as managed. Rule text
 * (selectors, labels) is shown as text, never as markup.
 */
export function PageRulesSection() {
  const { data, reload } = useStoredData('page-rules', loadRules, isConfiguration);
  const [status, setStatus] = useState<Status>(null);

  const remove = async (rule: PageRule) => {
    try {
      const db = await getDatabase();
      await writePageRules(db, (await readPageRules(db)).filter((other) => other.id !== rule.id));
      setStatus({ kind: 'ok', text: t('optionsSaved') });
      // The background hands open CRM tabs their rules again.
      await publish({ type: 'broadcast/configuration' });
    } catch (error) {
      setStatus({ kind: 'error', text: t('actionFailed', String(error)) });
    }
    reload();
  };

  const rules = data.status === 'ready' ? [...data.value.stored, ...data.value.policy.rules] : [];
  const policyIssues = data.status === 'ready' ? data.value.policy.issues : [];

  return (
    <section aria-labelledby="page-rules-heading" data-testid="page-rules-section">
      <h2 id="page-rules-heading">{t('optionsPageRules')}</h2>
      <p className="small">{t('pageRulesIntro')}</p>
      {data.status === 'loading' && <Loading text={t('optionsLoading')} />}
      {data.status === 'error' && <LoadError text={t('pageRulesLoadError')} retry={reload} />}
      {policyIssues.length > 0 && (
        <p className="warning small" role="status" data-testid="page-rules-policy-invalid">
          {t('pageRulesPolicyInvalid', policyIssues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; '))}
        </p>
      )}
      {data.status === 'ready' &&
        (rules.length === 0 ? (
          <p className="muted" data-testid="page-rules-empty">
            {t('pageRulesEmpty')}
          </p>
        ) : (
          <table className="page-rules">
            <thead>
              <tr>
                <th scope="col">{t('pageRuleCrm')}</th>
                <th scope="col">{t('pageRuleHost')}</th>
                <th scope="col">{t('pageRuleRecordType')}</th>
                <th scope="col">{t('pageRulePart')}</th>
                <th scope="col">{t('pageRuleWhere')}</th>
                <th scope="col">{t('pageRuleOrigin')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('pageRuleRemove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={`${rule.origin}:${rule.id}`} data-testid="page-rule" data-origin={rule.origin}>
                  <td>{builtInCrmLabel(rule.crm) ?? rule.crm}</td>
                  <td>{hostOf(rule)}</td>
                  <td>{rule.objectType}</td>
                  <td>{t(PART_LABEL[rule.part])}</td>
                  <td>
                    <Where locator={rule.locator} />
                  </td>
                  <td>{t(ORIGIN[rule.origin])}</td>
                  <td>
                    {rule.origin === 'policy' ? (
                      <span className="muted small">{t('pageRuleManaged')}</span>
                    ) : (
                      <button type="button" className="link-button" aria-label={t('pageRuleRemoveLabel', t(PART_LABEL[rule.part]), rule.objectType, hostOf(rule))} onClick={() => void remove(rule)}>
                        {t('pageRuleRemove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <StatusLine status={status} />
    </section>
  );
}
