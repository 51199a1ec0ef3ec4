// The figure types of lib/notes live with their stored schema in lib/domain/figure.ts; re-exported for the parsers.
export { FIGURE_KINDS, type Figure, type FigureKind } from '@/lib/domain/figure';

/** ISO 4217 code (CNY, USD, EUR…) of an amount whose currency the text names. */
export type CurrencyCode = string;
