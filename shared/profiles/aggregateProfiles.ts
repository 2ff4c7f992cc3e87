/**
 * Builds the profile comparison of a layer at one period from the project's observations: per area a
 * population pyramid with its refugee part, the nationality composition, refugees by residence status and
 * the key indicators; the region as the sum of its areas; small-number protection applied to every
 * published cell. Pure: observations in, ProfileSet out.
 *
 * Shares are computed from exact counts and then suppressed, so the shares of all cells of a chart add up to
 * 100 % before protection; a suppressed cell shows neither count nor share. The totals the profiles print
 * (an area's population and refugees, the region's cells as sums of the areas') would let a reader
 * subtract a suppressed cell back: further cells are withheld where they would (profileProtection.ts), and
 * an indicator built on a withheld count is withheld with it.
 */
import { formatDate } from '../format/number';
import type { DimensionDefinition, LocalizedText, Observation, Source } from '../model/project';
import { PROFILE_INDICATORS } from './profileIndicators';
import type { AreaProfile, ProfileCategory, ProfileCell, ProfileSet, PyramidRow } from './profileTypes';
import { DEFAULT_PROFILE_VARIABLES, type ProfileVariables } from './profileVariables';
import { addRawCounts, emptyRawCounts, rawCountsByArea, sumOf, type CategoryIndex, type RawCounts } from './rawCounts';
import { sourceLabelIn } from '../export/sourceLines';
import { protectProfiles, type ProfileChart, type RowProtection } from './profileProtection';

export interface AggregateProfilesInput {
  layer: string;
  /** Areas of the layer in display order. */
  areas: readonly { key: string; name: string }[];
  /** Observations of at least the profile variables at `period` (and `comparePeriod`); others are ignored. */
  observations: readonly Observation[];
  /** ISO date. */
  period: string;
  comparePeriod?: string | null;
  /** Periods for which profiles exist (listed in the result for the period pickers). */
  periods?: readonly string[];
  dimensions: readonly DimensionDefinition[];
  sources: readonly Source[];
  /** Counts 0 < n < threshold are suppressed. */
  smallNumberThreshold: number;
  variables?: ProfileVariables;
  /** Name of the region row. Default "Region (Summe der Gebiete)". */
  regionName?: string;
}

/** The key of the region profile (never an AGS). */
export const REGION_KEY = 'region';

/**
 * @example
 * const set = aggregateProfiles({ layer: 'gemeinden', areas, observations, period: '2024-12-31', dimensions, sources, smallNumberThreshold: 3 });
 * set.areas[0].pyramid[0].female.share // e.g. 1.4 (% of the area's population)
 */
export function aggregateProfiles(input: AggregateProfilesInput): ProfileSet {
  const variables = input.variables ?? DEFAULT_PROFILE_VARIABLES;
  const categoriesOf = (dimensionId: string): ProfileCategory[] =>
    input.dimensions.find((dimension) => dimension.id === dimensionId)?.values.map((value) => ({ id: value.id, label: value.name })) ?? [];
  const ageGroups = categoriesOf(variables.ageDimension);
  const nationalities = categoriesOf(variables.nationalityDimension);
  const statuses = categoriesOf(variables.statusDimension);
  const categories: CategoryIndex = { ageGroups: ageGroups.map((c) => c.id), nationalities: nationalities.map((c) => c.id), statuses: statuses.map((c) => c.id) };
  const threshold = input.smallNumberThreshold;
  const regionName = input.regionName ?? 'Region (Summe der Gebiete)';

  const countsAt = (period: string) => {
    const byArea = rawCountsByArea(input.observations, period, categories, variables);
    const region = emptyRawCounts(categories);
    const perArea = input.areas.map((area) => {
      const counts = byArea.get(area.key) ?? emptyRawCounts(categories);
      addRawCounts(region, counts);
      return counts;
    });
    return { perArea, region };
  };

  const current = countsAt(input.period);
  const comparePeriod = input.comparePeriod ?? null;
  const previous = comparePeriod ? countsAt(comparePeriod) : null;
  const context: BuildContext = { categories, variables, threshold };

  const protectedNow = protectProfiles(current.perArea, current.region, threshold);
  const protectedBefore = previous ? protectProfiles(previous.perArea, previous.region, threshold) : null;
  const at = (counts: RawCounts, protection: RowProtection): ProtectedCounts => ({ counts, protection });
  const areas = input.areas.map((area, index) =>
    buildProfile(
      area.key,
      area.name,
      false,
      at(current.perArea[index] as RawCounts, protectedNow.areas[index] as RowProtection),
      previous && protectedBefore ? at(previous.perArea[index] as RawCounts, protectedBefore.areas[index] as RowProtection) : null,
      context,
    ),
  );
  const region = buildProfile(REGION_KEY, regionName, true, at(current.region, protectedNow.region), previous && protectedBefore ? at(previous.region, protectedBefore.region) : null, context);
  const compareAreas =
    previous && protectedBefore ? input.areas.map((area, index) => buildProfile(area.key, area.name, false, at(previous.perArea[index] as RawCounts, protectedBefore.areas[index] as RowProtection), null, context)) : null;
  const compareRegion = previous && protectedBefore ? buildProfile(REGION_KEY, regionName, true, at(previous.region, protectedBefore.region), null, context) : null;

  const usedSourceIds = new Set([...current.region.sourceIds, ...(previous?.region.sourceIds ?? [])]);
  const usedSources = input.sources.filter((source) => usedSourceIds.has(source.id));
  const synthetic = current.region.synthetic || (previous?.region.synthetic ?? false) || usedSources.some((source) => source.synthetic);

  return {
    layer: input.layer,
    period: input.period,
    comparePeriod,
    periods: [...(input.periods ?? [input.period])],
    smallNumberThreshold: threshold,
    ageGroups,
    nationalities,
    statuses,
    indicators: [...PROFILE_INDICATORS],
    areas,
    region,
    compareAreas,
    compareRegion,
    sourceLine: sourceLine(usedSources, input.period, comparePeriod),
    synthetic,
  };
}

interface BuildContext {
  categories: CategoryIndex;
  variables: ProfileVariables;
  threshold: number;
}

/**
 * A published cell: suppressed when 0 < count < threshold or unknown, or withheld to protect another
 * (`protection.withheld`, then `complementary`); share in % of `total`, none where the total is withheld
 * (the share would give it back).
 * @example publishedCell(2, 100, 3) // { count: null, share: null, suppressed: true }
 */
export function publishedCell(count: number, total: number, threshold: number, protection: { withheld?: boolean; complementary?: boolean; totalWithheld?: boolean } = {}): ProfileCell {
  if (!Number.isFinite(count) || (count > 0 && count < threshold)) return { count: null, share: null, suppressed: true };
  if (protection.withheld) return { count: null, share: null, suppressed: true, ...(protection.complementary ? { complementary: true } : {}) };
  const share = Number.isFinite(total) && total > 0 && !protection.totalWithheld ? (count / total) * 100 : null;
  return { count, share, suppressed: false };
}

/** Exact counts of one profile with what of them is withheld. */
interface ProtectedCounts {
  counts: RawCounts;
  protection: RowProtection;
}

function buildProfile(key: string, name: string, isRegion: boolean, current: ProtectedCounts, previousCounts: ProtectedCounts | null, context: BuildContext): AreaProfile {
  const { categories, threshold, variables } = context;
  const { counts, protection } = current;
  const previous = previousCounts?.counts ?? null;
  const ageCount = categories.ageGroups.length;
  const populationTotal = counts.hasPopulation ? sumOf(counts.population) : Number.NaN;
  const refugeesTotal = counts.hasRefugees ? sumOf(counts.refugees) : Number.NaN;
  const foreignTotal = counts.hasForeign ? sumOf(counts.foreignByNationality) : Number.NaN;
  const cellOf = (chart: ProfileChart, index: number, count: number, total: number, totalChart: ProfileChart = chart) =>
    publishedCell(count, total, threshold, { withheld: protection.withheld(chart, index), complementary: protection.complementary(chart, index), totalWithheld: protection.withheld(totalChart, 'total') });

  const pyramid: PyramidRow[] = categories.ageGroups.map((ageGroup, age) => ({
    ageGroup,
    male: cellOf('population', age, counts.population[age] as number, populationTotal),
    female: cellOf('population', ageCount + age, counts.population[ageCount + age] as number, populationTotal),
    // The refugee part is drawn inside the population bars, so its share is of the same total.
    refugeesMale: cellOf('refugees', age, counts.refugees[age] as number, populationTotal, 'population'),
    refugeesFemale: cellOf('refugees', ageCount + age, counts.refugees[ageCount + age] as number, populationTotal, 'population'),
  }));
  const nationality = [...counts.foreignByNationality].map((count, index) => cellOf('nationality', index, count, foreignTotal));
  const status = [...counts.refugeesByStatus].map((count, index) => cellOf('status', index, count, refugeesTotal, 'refugees'));

  const under18Groups = new Set(variables.under18AgeGroups);
  let populationUnder18 = 0;
  let refugeesUnder18 = 0;
  categories.ageGroups.forEach((ageGroup, age) => {
    if (!under18Groups.has(ageGroup)) return;
    populationUnder18 += (counts.population[age] as number) + (counts.population[ageCount + age] as number);
    refugeesUnder18 += (counts.refugees[age] as number) + (counts.refugees[ageCount + age] as number);
  });
  const grantedIndex = categories.statuses.indexOf(variables.grantedStatus);
  const granted = grantedIndex >= 0 ? (counts.refugeesByStatus[grantedIndex] as number) : Number.NaN;

  const isSmall = (value: number): boolean => value > 0 && value < threshold;
  // A sum of cells of which one is withheld gives it back beside the others (the share of minors beside
  // the pyramid's shown age groups): such an indicator is withheld too.
  const under18Withheld = (chart: ProfileChart) =>
    categories.ageGroups.some((ageGroup, age) => under18Groups.has(ageGroup) && (protection.withheld(chart, age) || protection.withheld(chart, ageCount + age)));
  const populationWithheld = protection.withheld('population', 'total');
  const refugeesWithheld = protection.withheld('refugees', 'total');
  // An indicator built on a small numerator or denominator would reveal it (0 % of 2 refugees says both are
  // adults): it is withheld like the cell itself.
  const ratio = (numerator: number, denominator: number, factor: number): number | null =>
    Number.isFinite(numerator) && Number.isFinite(denominator) && denominator > 0 && !isSmall(numerator) && !isSmall(denominator) ? (numerator / denominator) * factor : null;
  const change = (now: number, before: number): number | null =>
    Number.isFinite(now) && Number.isFinite(before) && before > 0 && !isSmall(now) && !isSmall(before) ? ((now - before) / before) * 100 : null;
  const previousPopulation = previous?.hasPopulation ? sumOf(previous.population) : Number.NaN;
  const previousRefugees = previous?.hasRefugees ? sumOf(previous.refugees) : Number.NaN;
  const finiteOrNull = (value: number, withheld: boolean): number | null => (Number.isFinite(value) && !isSmall(value) && !withheld ? value : null);
  const unless = (withheld: boolean, value: number | null) => (withheld ? null : value);
  const beforeWithheld = (chart: ProfileChart) => previousCounts?.protection.withheld(chart, 'total') === true;

  return {
    key,
    name,
    isRegion,
    population: finiteOrNull(populationTotal, populationWithheld),
    refugees: finiteOrNull(refugeesTotal, refugeesWithheld),
    pyramid,
    nationality,
    status,
    indicators: {
      population: finiteOrNull(populationTotal, populationWithheld),
      refugees: finiteOrNull(refugeesTotal, refugeesWithheld),
      refugeesPer1000: unless(refugeesWithheld || populationWithheld, ratio(refugeesTotal, populationTotal, 1000)),
      refugeeShare: unless(refugeesWithheld || populationWithheld, ratio(refugeesTotal, populationTotal, 100)),
      foreignShare: unless(protection.withheld('nationality', 'total') || populationWithheld, ratio(foreignTotal, populationTotal, 100)),
      under18Share: unless(under18Withheld('population') || populationWithheld, ratio(populationUnder18, populationTotal, 100)),
      refugeesUnder18Share: unless(under18Withheld('refugees') || refugeesWithheld, ratio(refugeesUnder18, refugeesTotal, 100)),
      grantedShare: unless((grantedIndex >= 0 && protection.withheld('status', grantedIndex)) || refugeesWithheld, ratio(granted, refugeesTotal, 100)),
      refugeesChange: unless(refugeesWithheld || beforeWithheld('refugees'), change(refugeesTotal, previousRefugees)),
      populationChange: unless(populationWithheld || beforeWithheld('population'), change(populationTotal, previousPopulation)),
    },
  };
}

function sourceLine(sources: readonly Source[], period: string, comparePeriod: string | null): LocalizedText {
  const names = (locale: 'de' | 'en') => [...new Set(sources.map((source) => sourceLabelIn(source, locale)))].join('; ');
  const dates = (locale: 'de' | 'en') => (comparePeriod ? `${formatDate(period, locale)} / ${formatDate(comparePeriod, locale)}` : formatDate(period, locale));
  return {
    de: `Quelle: ${names('de') || 'keine Angabe'} · Stichtag ${dates('de')}`,
    en: `Source: ${names('en') || 'not stated'} · Reference date ${dates('en')}`,
  };
}
