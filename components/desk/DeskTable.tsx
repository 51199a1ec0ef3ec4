import { memo, useLayoutEffect, useRef, useState } from 'react';
import { DESK_COLUMNS, type DeskColumn, type DeskLine, type DeskSort } from '@/lib/desk/table';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
import { COLUMN_LABEL } from './columns';

/** Every row is one line high (cells cut long text with an ellipsis), so the rows in view follow from the scroll offset alone. */
export const DESK_ROW_HEIGHT = 40;
/** Rows rendered beyond each edge of the viewport, so scrolling and tabbing find the next rows already there. */
const OVERSCAN = 12;
/** Where layout is unknown (tests), the viewport is taken to be this tall. */
const FALLBACK_VIEWPORT = 640;

/** Only http(s) links open: a stored URL is page data and must never become a `javascript:` link. */
function safeLink(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The desk's rows as a table that keeps only the rows in view in the DOM: a
 * sort or filter over thousands of deals re-renders a few dozen rows.
 * `aria-rowcount` and `aria-rowindex` give screen readers the whole size.
 */
export function DeskTable({
  lines,
  pending,
  sort,
  onSort,
}: {
  lines: readonly DeskLine[];
  pending: ReadonlySet<string>;
  sort: DeskSort;
  onSort: (column: DeskColumn) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || FALLBACK_VIEWPORT));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const first = Math.max(0, Math.floor(scrollTop / DESK_ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(lines.length, Math.ceil((scrollTop + viewport) / DESK_ROW_HEIGHT) + OVERSCAN);

  return (
    <div className="desk-scroll" ref={scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} data-testid="desk-scroll">
      <table className="desk-table" aria-rowcount={lines.length + 1} aria-label={t('deskTitle')} data-testid="desk-table">
        <thead>
          <tr aria-rowindex={1}>
            {DESK_COLUMNS.map((column) => (
              <th key={column} scope="col" className={`desk-col-${column}`} aria-sort={sort.column === column ? sort.direction : undefined}>
                <button type="button" className="desk-sort" onClick={() => onSort(column)} data-testid={`desk-sort-${column}`}>
                  {t(COLUMN_LABEL[column])}
                  <span aria-hidden="true">{sort.column === column ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <Spacer rows={first} />}
          {lines.slice(first, last).map((line, offset) => (
            <DeskTableRow key={line.row.recordKey} line={line} index={first + offset} pending={pending.has(line.row.recordKey)} />
          ))}
          {last < lines.length && <Spacer rows={lines.length - last} />}
        </tbody>
      </table>
    </div>
  );
}

function Spacer({ rows }: { rows: number }) {
  return (
    <tr aria-hidden="true" className="desk-spacer" style={{ height: rows * DESK_ROW_HEIGHT }}>
      <td colSpan={DESK_COLUMNS.length} />
    </tr>
  );
}

const DeskTableRow = memo(function DeskTableRow({ line, index, pending }: { line: DeskLine; index: number; pending: boolean }) {
  const { row } = line;
  const figures = row.analysed;
  const link = safeLink(row.url);
  const count = (value: number | undefined, severity: 'high' | 'medium') =>
    value === undefined ? '' : <span className={value > 0 ? `desk-count severity-${severity}` : 'desk-count'}>{formatNumber(value)}</span>;
  return (
    <tr aria-rowindex={index + 2} data-testid="desk-row" data-key={row.recordKey} data-crm={row.crm} data-high={figures?.high} data-medium={figures?.medium} data-pending={pending}>
      <th scope="row" className="desk-col-name">
        {link ? (
          <a href={link} target="_blank" rel="noreferrer noopener" title={t('deskOpenInCrm', row.name)}>
            {row.name}
          </a>
        ) : (
          row.name
        )}
        {row.account && <span className="muted small"> · {row.account}</span>}
      </th>
      <td className="desk-col-crm">{line.crmLabel}</td>
      <td className="desk-col-stage" title={line.stageText}>
        {line.stageText}
      </td>
      <td className="desk-col-amount">{line.amountText}</td>
      <td className="desk-col-closeDate">{line.closeDateText}</td>
      <td className="desk-col-high" data-testid="desk-high">
        {count(figures?.high, 'high')}
      </td>
      <td className="desk-col-medium" data-testid="desk-medium">
        {count(figures?.medium, 'medium')}
      </td>
      <td className="desk-col-topAction" title={line.topActionText || undefined}>
        {figures ? line.topActionText : <span className="muted">{pending ? t('deskAnalysing') : t('deskNotRead')}</span>}
      </td>
      <td className="desk-col-missingRoles" title={line.missingRolesText || undefined}>
        {line.missingRolesText}
      </td>
      <td className="desk-col-lastNote">{line.lastNoteText}</td>
    </tr>
  );
});
