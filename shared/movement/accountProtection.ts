/**
 * The account (Bilanz) as it may be shown, with small counts protected (the project's rule, smallNumbers.ts).
 * Withholding a count ("< 3") is not enough where the rest of the table gives it back by subtraction, so
 * what would do so is withheld too, as statistical offices do with secondary suppression:
 *
 * - **The row's remainder.** Stock at the end − remainder − the shown terms is the withheld count: a row
 *   with a small term withholds its remainder and share (`remainderWithheld`).
 * - **The row's flag.** "Auffällig" says whether |remainder| exceeds the threshold; for a small stock it
 *   often settles the count (40 → 37 with 2 arrivals and 5 departures closes only for exactly 2). The flag
 *   stays where it is the same for every value the withheld counts could have (1 … threshold − 1), and is
 *   withheld otherwise (`flagWithheld`: neither "auffällig" nor "geht auf").
 * - **The region's column.** The region's count minus the areas' shown counts is the sum of the areas'
 *   withheld counts. Where that sum settles them (one area withholds the term, or two withhold counts
 *   summing to 2 …; shared/indicators/smallCounts.ts), the region withholds it too (`withheld`). The
 *   region's remainder likewise, where exactly one area withholds its remainder; and the region's row
 *   follows the row rules above.
 *
 * One function, applied where the account is computed (`balance.compute`), so the screen, the figures,
 * CSV/XLSX and the CLI show the same. Pure.
 */
import { formatNumber, type Locale } from '../format/number';
import { translate } from '../i18n/translate';
import { isSmallCount, protectedCount } from './smallNumbers';
import { sumRevealsWithheld } from '../indicators/smallCounts';
import { FLOW_TERM_SIGN, FLOW_TERMS, type FlowTerm } from './accountVariables';
import { accountSummary, type AccountArea, type AccountPeriod, type AccountTerm, type AccountTermId, type StockFlowAccount } from './stockFlowAccount';

const COLUMNS: readonly AccountTermId[] = ['stockStart', ...FLOW_TERMS, 'stockEnd'];

/** Whether the reader is kept from a term's value: a small count, or a total withheld to protect one. */
export function isWithheldTerm(term: AccountTerm | undefined, threshold: number): boolean {
  return term !== undefined && (term.withheld === true || isSmallCount(term.value, threshold));
}

function termOf(period: AccountPeriod, column: AccountTermId): AccountTerm | undefined {
  return column === 'stockStart' ? period.stockStart : column === 'stockEnd' ? period.stockEnd : period.flows[column];
}

/** How a term enters the remainder: remainder = stock at the end − stock at the start − Σ sign × flow. */
function remainderCoefficient(column: AccountTermId): number {
  return column === 'stockEnd' ? 1 : column === 'stockStart' ? -1 : -FLOW_TERM_SIGN[column as FlowTerm];
}


/**
 * Whether the flag is the same for every value the hidden terms could have: a small count is any of
 * 1 … threshold − 1 to the reader (and its own value, for a fractional estimate).
 */
function flagIsSettled(period: AccountPeriod, threshold: number, thresholdPercent: number): boolean {
  if (period.residual === null) return true;
  const base = period.stockStart.value !== null && period.stockStart.value !== 0 ? 'stockStart' : 'stockEnd';
  // A hidden base: the threshold itself is unknown to the reader.
  if (isWithheldTerm(termOf(period, base), threshold)) return false;
  let low = period.residual;
  let high = period.residual;
  for (const column of COLUMNS) {
    const value = termOf(period, column)?.value;
    // Only small counts vary here: a withheld total (value null) makes the region's remainder tell, see below.
    if (value === null || value === undefined || !isSmallCount(value, threshold)) continue;
    const coefficient = remainderCoefficient(column);
    const range = [Math.min(1, value), Math.max(threshold - 1, value)].map((candidate) => coefficient * (candidate - value));
    low += Math.min(...range);
    high += Math.max(...range);
  }
  const baseValue = termOf(period, base)?.value ?? 0;
  if (baseValue === 0) return low > 0 || high < 0;
  const limit = (thresholdPercent * Math.abs(baseValue)) / 100;
  return low >= -limit && high <= limit ? true : low > limit || high < -limit;
}

/** The row rules: remainder and, where it would tell, the flag. */
function protectRow(period: AccountPeriod, threshold: number, thresholdPercent: number, remainderTells: boolean): AccountPeriod {
  const anyHidden = COLUMNS.some((column) => isWithheldTerm(termOf(period, column), threshold));
  if (!anyHidden && !remainderTells) return period;
  const settled = !remainderTells && flagIsSettled(period, threshold, thresholdPercent);
  return { ...period, residual: null, residualPercent: null, remainderWithheld: true, ...(settled ? {} : { flagged: false, flagWithheld: true }) };
}

function protectedArea(area: AccountArea, periods: AccountPeriod[]): AccountArea {
  return { ...area, periods, ...accountSummary(periods) };
}

/**
 * @example protectAccount(account, 3).areas[0].periods[0].remainderWithheld // true where Zuzüge is 2
 */
export function protectAccount<T extends StockFlowAccount>(account: T, threshold: number): T {
  const areas = account.areas.map((area) => protectedArea(area, area.periods.map((period) => protectRow(period, threshold, account.thresholdPercent, false))));
  const regionPeriods = account.region.periods.map((period, index) => {
    const rows = account.areas.map((area) => area.periods[index]).filter((row): row is AccountPeriod => row !== undefined);
    let shown = period;
    for (const column of COLUMNS) {
      const term = termOf(period, column);
      if (term === undefined || term.value === null) continue;
      const smallCounts = rows.map((row) => termOf(row, column)?.value ?? null).filter((value): value is number => isSmallCount(value, threshold));
      if (!sumRevealsWithheld(smallCounts, threshold)) continue;
      const withheld: AccountTerm = { ...term, value: null, withheld: true };
      shown = column === 'stockStart' ? { ...shown, stockStart: withheld } : column === 'stockEnd' ? { ...shown, stockEnd: withheld } : { ...shown, flows: { ...shown.flows, [column]: withheld } };
    }
    // The region's remainder is the sum of the areas': with one of them withheld, it would be that one.
    const oneRemainderWithheld = areas.filter((area) => area.periods[index]?.remainderWithheld === true).length === 1;
    const remainderTells = oneRemainderWithheld || COLUMNS.some((column) => termOf(shown, column)?.withheld === true);
    return protectRow(shown, threshold, account.thresholdPercent, remainderTells);
  });
  return { ...account, areas, region: protectedArea(account.region, regionPeriods) };
}


/**
 * A term as a table shows it: "< 3" for a small count, "geschützt" for a withheld total, "–" for none.
 * @example accountTermText({ value: null, withheld: true, sourceId: null, sourceRank: 0, quality: null }, 3, 'de') // 'geschützt'
 */
export function accountTermText(term: AccountTerm | undefined, threshold: number, locale: Locale): string {
  if (term?.withheld === true) return translate(locale, 'movement.balance.withheld');
  return protectedCount(term?.value ?? null, threshold, locale);
}

/**
 * The account's verdict over the areas: how many close, which are flagged, and for how many it is not said
 * because it would reveal a withheld count. `periodIndex`: one period's; default all periods'.
 * @example accountSummaryText(balance, 'de') // 'Die Bilanz geht in allen 21 Gebieten auf (Rest höchstens 1,0 % des Bestands).'
 */
export function accountSummaryText(account: Pick<StockFlowAccount, 'areas' | 'thresholdPercent'>, locale: Locale, periodIndex?: number): { text: string; flagged: AccountArea[] } {
  const periodsOf = (area: AccountArea) => (periodIndex === undefined ? area.periods : area.periods.slice(periodIndex, periodIndex + 1));
  const flagged = account.areas.filter((area) => periodsOf(area).some((period) => period.flagged));
  const unsettled = account.areas.filter((area) => !flagged.includes(area) && periodsOf(area).some((period) => period.flagWithheld)).length;
  const threshold = formatNumber(account.thresholdPercent, 1, locale);
  const total = account.areas.length;
  const verdict =
    flagged.length > 0
      ? translate(locale, 'movement.balance.open', { count: flagged.length, total, threshold, names: flagged.map((area) => area.name).join(', ') })
      : unsettled > 0
        ? translate(locale, 'movement.balance.closesOthers', { count: total - unsettled, total, threshold })
        : translate(locale, 'movement.balance.closes', { count: total, threshold });
  return { text: unsettled > 0 ? `${verdict} ${translate(locale, 'movement.balance.unsettled', { count: unsettled })}` : verdict, flagged };
}
