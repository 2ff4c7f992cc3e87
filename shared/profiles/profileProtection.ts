/**
 * Secondary small-number protection of the profile comparison. Each chart (population pyramid, its refugee
 * part, nationality groups, residence status) is a table: one row per area and one for the region, one
 * column per category and one for the row's total. Every row sums to its total, and every column of the
 * areas to the region's cell — sums a reader can subtract along. The small counts are withheld, and then
 * as many further cells as keep every such sum from giving one back (shared/indicators/smallCounts.ts
 * protectSums): a further category of the same area, or of another area in the same column. An area's
 * total is chosen only where nothing else is left (the map and the other views show it); in the column of
 * the areas' totals the region's total goes instead, as the map does. Where a row's statuses add up to its
 * refugees, the two charts' totals are one number and one cell. Pure.
 */
import { protectSums, type SumConstraint } from '../indicators/smallCounts';
import { translate } from '../i18n/translate';
import type { Locale } from '../format/number';
import type { ProfileCell, ProfileSet } from './profileTypes';
import type { RawCounts } from './rawCounts';

/** The charts of a profile, by the counts they draw. */
export const PROFILE_CHARTS = ['population', 'refugees', 'nationality', 'status'] as const;
export type ProfileChart = (typeof PROFILE_CHARTS)[number];

/** A cell of a chart's row: a category by its index, or the row's total. */
export type ProfileCellIndex = number | 'total';

/** Which cells of one profile (an area's or the region's) are withheld, and which of them to protect others. */
export interface RowProtection {
  withheld(chart: ProfileChart, cell: ProfileCellIndex): boolean;
  complementary(chart: ProfileChart, cell: ProfileCellIndex): boolean;
}

function countsOf(counts: RawCounts, chart: ProfileChart): Float64Array {
  if (chart === 'population') return counts.population;
  if (chart === 'refugees') return counts.refugees;
  if (chart === 'nationality') return counts.foreignByNationality;
  return counts.refugeesByStatus;
}

const REGION_ROW = 'region';
type Row = number | typeof REGION_ROW;

/**
 * Ranks of labels in the order of the texts `text(label)`: the cells are numbered so that their numbers
 * sort as their "chart|row|cell" texts would ('10|' before '1|', as '0' sorts before '|'; 'region' and
 * 'total' after the digits), which decides ties in protectSums as the texts did. Numbers instead of
 * texts: 11 000 areas have half a million cells (about 6 s with texts, mostly garbage).
 */
function textRanks<Label extends string | number>(labels: readonly Label[], text: (label: Label) => string): Map<Label, number> {
  const sorted = labels.map((label) => ({ label, key: text(label) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Map(sorted.map(({ label }, rank) => [label, rank]));
}

/**
 * The protection of every row of the areas' and the region's profiles at one period.
 * @example protectProfiles(perArea, region, 3).region.withheld('refugees', 'total') // true where one area's refugees are a small count
 */
export function protectProfiles(perArea: readonly RawCounts[], region: RawCounts, threshold: number): { areas: RowProtection[]; region: RowProtection } {
  const rows: Row[] = [...perArea.keys(), REGION_ROW];
  const countsOfRow = (row: Row) => (row === REGION_ROW ? region : (perArea[row] as RawCounts));
  const widest = Math.max(...PROFILE_CHARTS.map((chart) => countsOf(region, chart).length));
  // Chart and row are followed by '|' in the texts, the cell ends them.
  const chartRank = textRanks(PROFILE_CHARTS, (chart) => `${chart}|`);
  const rowRank = textRanks(rows, (row) => `${row}|`);
  const cellRank = textRanks<ProfileCellIndex>([...Array(widest).keys(), 'total'], String);
  const cellsPerRow = widest + 1;
  const cellId = (chart: ProfileChart, row: Row, cell: ProfileCellIndex) => ((chartRank.get(chart) as number) * rows.length + (rowRank.get(row) as number)) * cellsPerRow + (cellRank.get(cell) as number);

  // A count that is unknown (a missing observation, NaN) is withheld anyway and sums nothing a reader could
  // use: it has no value here, and the sums it belongs to are left out.
  const values = new Map<number, number>();
  const constraints: SumConstraint<number>[] = [];
  // A row's residence statuses usually add up to its refugees: the one number then appears as the total of
  // the pyramid's refugee part and of the status chart, and is one cell, withheld or shown in both places
  // (withheld in one, it was read off the other).
  const sameCell = new Map<number, number>();
  const cellOf = (id: number) => sameCell.get(id) ?? id;
  const addSum = (total: number, parts: number[]) => {
    const [sum, summands] = [cellOf(total), parts.map(cellOf)];
    if (values.has(sum) && summands.every((part) => values.has(part))) constraints.push({ total: sum, parts: summands });
  };
  for (const chart of PROFILE_CHARTS) {
    const width = countsOf(region, chart).length;
    for (const row of rows) {
      const counts = countsOf(countsOfRow(row), chart);
      const parts: number[] = [];
      let total = 0;
      counts.forEach((value, cell) => {
        const id = cellId(chart, row, cell);
        parts.push(id);
        if (Number.isFinite(value)) values.set(id, value);
        total += value;
      });
      const totalId = cellId(chart, row, 'total');
      const refugeesTotalId = cellId('refugees', row, 'total');
      if (chart === 'status' && Number.isFinite(total) && values.get(refugeesTotalId) === total) sameCell.set(totalId, refugeesTotalId);
      else if (Number.isFinite(total)) values.set(totalId, total);
      addSum(totalId, parts);
    }
    for (const cell of [...Array(width).keys(), 'total' as const]) {
      addSum(
        cellId(chart, REGION_ROW, cell),
        perArea.map((_, row) => cellId(chart, row, cell)),
      );
    }
  }
  const totals = new Set(rows.flatMap((row) => PROFILE_CHARTS.map((chart) => cellId(chart, row, 'total'))));
  const cells = protectSums(values, constraints, threshold, (id) => totals.has(id));
  const rowProtection = (row: Row): RowProtection => ({
    withheld: (chart, cell) => {
      const id = cellOf(cellId(chart, row, cell));
      return cells.small.has(id) || cells.complementary.has(id);
    },
    complementary: (chart, cell) => cells.complementary.has(cellOf(cellId(chart, row, cell))),
  });
  return { areas: perArea.map((_, row) => rowProtection(row)), region: rowProtection(REGION_ROW) };
}

/** Every chart cell of a profile. */
function cellsOf(profile: ProfileSet['region']): ProfileCell[] {
  return [...profile.pyramid.flatMap((row) => [row.male, row.female, row.refugeesMale, row.refugeesFemale]), ...profile.nationality, ...profile.status];
}

/**
 * The sentence the profile views, figures and tables add to their small-number note where a cell is
 * withheld to protect another; null where none is.
 * @example complementaryNote(set, 'de') // 'Ebenso unterdrückt sind einzelne weitere Werte, aus denen sich eine kleine Fallzahl errechnen ließe.'
 */
export function complementaryNote(set: Pick<ProfileSet, 'areas' | 'region' | 'compareAreas' | 'compareRegion'>, locale: Locale): string | null {
  const profiles = [...set.areas, set.region, ...(set.compareAreas ?? []), ...(set.compareRegion ? [set.compareRegion] : [])];
  return profiles.some((profile) => cellsOf(profile).some((cell) => cell.complementary === true)) ? translate(locale, 'profiles.complementaryNote') : null;
}

/** The hover text of a suppressed cell. */
export function suppressedCellTitle(cell: Pick<ProfileCell, 'complementary'>, locale: Locale): string {
  if (cell.complementary === true) return locale === 'de' ? 'unterdrückt (zum Schutz einer kleinen Fallzahl)' : 'suppressed (protecting a small number)';
  return locale === 'de' ? 'unterdrückt (kleine Fallzahl)' : 'suppressed (small number)';
}
