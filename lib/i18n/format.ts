import { parseDateText } from '@/lib/crm/parse';
import type { Money } from '@/lib/crm/snapshot';
import type { Figure } from '@/lib/domain/figure';
import type { Locale } from '@/lib/domain/locales';
import { getLocale, t } from './index';

// Every date, number and amount the extension's pages show goes through
// here, so it reads the way the user's chosen language writes it (the page's
// own text is only a fallback when it cannot be parsed).

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

// Intl formatters are slow to build and a list of thousands of notes formats one date per row.
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, locale: Locale, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key) as T | undefined;
  if (format === undefined) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

const numberFormat = (options: Intl.NumberFormatOptions) => {
  const locale = getLocale();
  return cached('number', locale, options, () => new Intl.NumberFormat(locale, options));
};
const dateFormat = (options: Intl.DateTimeFormatOptions) => {
  const locale = getLocale();
  return cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
};

/** A count or measure, grouped the locale's way ("5,000"; "5,000" in Chinese too, but "5.000" elsewhere). */
export function formatNumber(value: number): string {
  return numberFormat({ maximumFractionDigits: 2 }).format(value);
}

/** A moment (epoch milliseconds) with date and time, in the user's time zone. */
export function formatDateTime(epochMs: number): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** The calendar day of a moment (epoch milliseconds), in the user's time zone. */
export function formatDay(epochMs: number): string {
  return dateFormat({ dateStyle: 'medium' }).format(epochMs);
}

/** An ISO calendar day ("2027-03-31"), the same day whatever the user's time zone. */
function formatIsoDay(isoDay: string): string {
  return dateFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${isoDay}T00:00:00Z`));
}

/** A date as the CRM displayed it, in the user's locale when it reads unambiguously; otherwise as displayed. */
export function formatDisplayedDate(text: string): string {
  const isoDay = parseDateText(text);
  return isoDay === null ? text : formatIsoDay(isoDay);
}

/** A record's amount with its own currency code, in the user's locale; the page's text when it could not be parsed. */
export function formatMoney(money: Money): string {
  if (money.value === null) return money.text;
  // A symbol without a known currency ("$" is several currencies) stays as the CRM shows it, also when the
  // currency is only assumed (the "assumed" marker beside it says which); a bare number is just formatted.
  if (money.currency === undefined || money.currencyAssumed) return /^[\d\s.,'-]+$/.test(money.text.trim()) ? formatNumber(money.value) : money.text;
  return numberFormat({ style: 'currency', currency: money.currency, currencyDisplay: 'code' }).format(money.value);
}

/** A currency's name as an amount of it reads in the locale ("US dollars", "美元"), for saying which currency was assumed. */
export function formatCurrencyName(currency: string): string {
  const parts = numberFormat({ style: 'currency', currency, currencyDisplay: 'name' }).formatToParts(2);
  return parts.find((part) => part.type === 'currency')?.value.trim() ?? currency;
}

/** A figure read from a note, normalised, as the user's language writes it: "USD 1,200,000", "2027年3月1日至31日", "56 days". */
export function formatFigure(figure: Figure): string {
  switch (figure.kind) {
    case 'amount':
      return figure.currency === undefined
        ? formatNumber(figure.value)
        : numberFormat({ style: 'currency', currency: figure.currency, currencyDisplay: 'code', maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(figure.value);
    case 'percent':
      return numberFormat({ style: 'percent', maximumFractionDigits: 2 }).format(figure.value / 100);
    case 'quantity':
      return `${formatNumber(figure.value)} ${figure.unit}`;
    case 'date': {
      const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
      return figure.from === figure.to
        ? formatIsoDay(figure.from)
        : dateFormat({ dateStyle: 'medium', timeZone: 'UTC' }).formatRange(day(figure.from), day(figure.to));
    }
    case 'period':
      return t('figurePeriodDays', formatNumber(figure.days));
    case 'negation':
      return t('figureNegation', figure.text);
  }
}
