import { useDeferredValue, useMemo, useState } from 'react';
import { UNPLACED_STAGE, filterLines, firstDirection, NO_FILTER, sortLines, type DeskFilter, type DeskSort } from '@/lib/desk/table';
import { getLocale, t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import type { DeskPassOptions } from '@/lib/desk/pass';
import type { DeskRow } from '@/lib/desk/row';
import type { Database } from '@/lib/store/db';
import { localized } from '@/components/analysis/text';
import { LoadError, Loading } from '@/components/LoadState';
import { DeskTable } from './DeskTable';
import { exportDeskCsv } from './csv';
import { lineMaker } from './lines';
import { useDesk } from './useDesk';

/**
 * Every deal the extension has seen, one row each, worked out by the same
 * engines from the same stored facts as the panel: sort by any column,
 * filter, open the record in its CRM, export what is shown as CSV.
 */
export function DealDesk({
  openDatabase,
  passOptions,
  packedRows,
}: {
  openDatabase: () => Promise<Database>;
  passOptions?: DeskPassOptions;
  /** The packed rows of the last finished pass, read as the page started (lib/desk/packed.ts); read on mount when absent. */
  packedRows?: Promise<DeskRow[] | null>;
}) {
  const desk = useDesk(openDatabase, passOptions, packedRows);
  const [sort, setSort] = useState<DeskSort>({ column: 'high', direction: 'descending' });
  const [filter, setFilter] = useState<DeskFilter>(NO_FILTER);
  // Typing in the search box stays immediate; the table follows when the browser has a moment.
  const deferredFilter = useDeferredValue(filter);
  const locale = getLocale();
  const collator = useMemo(() => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }), [locale]);
  const makeLine = useMemo(() => (desk.playbook ? lineMaker(desk.playbook, desk.customCrms) : null), [desk.playbook, desk.customCrms]);
  const lines = useMemo(() => (makeLine ? desk.rows.map(makeLine) : []), [desk.rows, makeLine]);
  const sorted = useMemo(() => sortLines(lines, sort, collator), [lines, sort, collator]);
  const shown = useMemo(() => filterLines(sorted, deferredFilter), [sorted, deferredFilter]);
  const crms = useMemo(() => {
    const byId = new Map<string, string>();
    for (const line of lines) byId.set(line.row.crm, line.crmLabel);
    return [...byId].sort((a, b) => collator.compare(a[1], b[1]));
  }, [lines, collator]);

  if (desk.status === 'loading' || (desk.status === 'ready' && !desk.playbook)) return <Loading text={t('deskLoading')} />;
  if (desk.status === 'error' || !desk.playbook) return <LoadError text={t('deskError')} retry={() => location.reload()} />;
  const playbook = desk.playbook;
  const update = (change: Partial<DeskFilter>) => setFilter((previous) => ({ ...previous, ...change }));
  const filtered = filter.crm !== '' || filter.stage !== '' || filter.highGapsOnly || filter.search.trim() !== '';

  return (
    <main className="desk" data-testid="desk" data-checking={desk.remaining > 0 ? 'true' : 'false'}>
      <header className="desk-header">
        <h1>{t('deskTitle')}</h1>
        <p className="muted" data-testid="desk-count" data-total={lines.length} data-shown={shown.length}>
          {filtered ? t('deskCountFiltered', formatNumber(shown.length), formatNumber(lines.length)) : t('deskCount', formatNumber(lines.length))}
        </p>
        <p className="small muted" role="status" data-testid="desk-status">
          {desk.remaining > 0 ? t('deskChecking', formatNumber(desk.remaining)) : lines.length > 0 ? t('deskCurrent') : ''}
        </p>
      </header>
      {lines.length === 0 ? (
        <p data-testid="desk-empty">{t('deskEmpty')}</p>
      ) : (
        <>
          <form className="desk-filters" role="search" aria-label={t('deskFilters')} onSubmit={(event) => event.preventDefault()}>
            <label>
              {t('deskSearch')}{' '}
              <input type="search" value={filter.search} onChange={(event) => update({ search: event.target.value })} data-testid="desk-search" />
            </label>
            <label>
              {t('deskColumnCrm')}{' '}
              <select value={filter.crm} onChange={(event) => update({ crm: event.target.value })} data-testid="desk-filter-crm">
                <option value="">{t('deskAll')}</option>
                {crms.map(([id, label]) => (
                  <option key={id} value={id}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('deskColumnStage')}{' '}
              <select value={filter.stage} onChange={(event) => update({ stage: event.target.value })} data-testid="desk-filter-stage">
                <option value="">{t('deskAll')}</option>
                {playbook.stages.map((stage) => (
                  <option key={stage.id} value={stage.id}>
                    {localized(stage.label)}
                  </option>
                ))}
                <option value={UNPLACED_STAGE}>{t('deskStageUnplaced')}</option>
              </select>
            </label>
            <label>
              <input type="checkbox" checked={filter.highGapsOnly} onChange={(event) => update({ highGapsOnly: event.target.checked })} data-testid="desk-filter-high" />{' '}
              {t('deskHighOnly')}
            </label>
            {filtered && (
              <button type="button" className="secondary" onClick={() => setFilter(NO_FILTER)}>
                {t('deskClearFilters')}
              </button>
            )}
            <button type="button" onClick={() => exportDeskCsv(shown, new Date())} data-testid="desk-csv">
              {t('deskExportCsv')}
            </button>
          </form>
          {shown.length === 0 ? (
            <p data-testid="desk-no-match">{t('deskNoMatch')}</p>
          ) : (
            <DeskTable
              lines={shown}
              pending={desk.pending}
              sort={sort}
              onSort={(column) =>
                setSort((previous) =>
                  previous.column === column
                    ? { column, direction: previous.direction === 'ascending' ? 'descending' : 'ascending' }
                    : { column, direction: firstDirection(column) },
                )
              }
            />
          )}
        </>
      )}
    </main>
  );
}
