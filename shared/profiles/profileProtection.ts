/**
 * Secondary small-number protection of the profile comparison. Each chart (population pyramid, its refugee
 * part, nationality groups, residence status) is a table: one row per area and one for the region, one
 * column per category and one for the row's total. Every row sums to its total, and every column of the
 * areas to the region's cell — sums a reader can subtract along. The small counts are withheld, and then
 * as many further cells as keep every such sum from giving one back (shared/indicators/smallCounts.ts
 * protectSums): a further category of the same area, or of another area in the same column. An area's
 * total is chosen only where nothing else is left (the map and the other views show it); in the column of
 * the areas' totals the region's total goes instead, as the map does. Pure.
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
const cellId = (chart: ProfileChart, row: number | typeof REGION_ROW, cell: ProfileCellIndex) => `${chart}|${row}|${cell}`;

/**
 * The protection of every row of the areas' and the region's profiles at one period.
 * @example protectProfiles(perArea, region, 3).region.withheld('refugees', 'total') // true where one area's refugees are a small count
 */
export function protectProfiles(perArea: readonly RawCounts[], region: RawCounts, threshold: number): { areas: RowProtection[]; region: RowProtection } {
  const values = new Map<string, number>();
  const constraints: SumConstraint[] = [];
  const rows: (number | typeof REGION_ROW)[] = [...perArea.keys(), REGION_ROW];
  const countsOfRow = (row: number | typeof REGION_ROW) => (row === REGION_ROW ? region : (perArea[row] as RawCounts));
  for (const chart of PROFILE_CHARTS) {
    const width = countsOf(region, chart).length;
    for (const row of rows) {
      const counts = countsOf(countsOfRow(row), chart);
      let total = 0;
      counts.forEach((value, cell) => {
        values.set(cellId(chart, row, cell), value);
        total += value;
      });
      values.set(cellId(chart, row, 'total'), total);
      constraints.push({ total: cellId(chart, row, 'total'), parts: [...counts.keys()].map((cell) => cellId(chart, row, cell)) });
    }
    for (const cell of [...Array(width).keys(), 'total' as const]) {
      constraints.push({ total: cellId(chart, REGION_ROW, cell), parts: perArea.map((_, row) => cellId(chart, row, cell)) });
    }
  }
  // A count that is unknown (a missing observation, NaN) is withheld anyway and sums nothing a reader could use.
  const known = new Map([...values].filter(([, value]) => Number.isFinite(value)));
  const usable = constraints.filter((constraint) => [constraint.total, ...constraint.parts].every((id) => known.has(id)));
  const cells = protectSums(known, usable, threshold, (id) => id.endsWith('|total'));
  const withheld = new Set([...cells.small, ...cells.complementary]);
  const rowProtection = (row: number | typeof REGION_ROW): RowProtection => ({
    withheld: (chart, cell) => withheld.has(cellId(chart, row, cell)),
    complementary: (chart, cell) => cells.complementary.has(cellId(chart, row, cell)),
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
