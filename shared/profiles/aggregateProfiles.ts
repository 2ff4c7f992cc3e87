/**
 * Builds the profile comparison of a layer at one period from the project's observations: per area a
 * population pyramid with its refugee part, the nationality composition, refugees by residence status and
 * the key indicators; the region as the sum of its areas; small-number protection applied to every
 * published cell. Pure: observations in, ProfileSet out.
 *
 * Shares are computed from exact counts and then suppressed, so the shares of all cells of a chart add up to
 * 100 % before protection; a suppressed cell shows neither count nor share (no secondary suppression: the
 * charts never print totals that would let a reader subtract a suppressed cell back).
 */
import { formatDate } from '../format/number';
import type { DimensionDefinition, LocalizedText, Observation, Source } from '../model/project';
import { PROFILE_INDICATORS } from './profileIndicators';
import type { AreaProfile, ProfileCategory, ProfileCell, ProfileSet, PyramidRow } from './profileTypes';
import { DEFAULT_PROFILE_VARIABLES, type ProfileVariables } from './profileVariables';
import { addRawCounts, emptyRawCounts, rawCountsByArea, sumOf, type CategoryIndex, type RawCounts } from './rawCounts';
import { sourceLabelIn } from '../export/sourceLines';

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

  const areas = input.areas.map((area, index) =>
    buildProfile(area.key, area.name, false, current.perArea[index] as RawCounts, previous ? (previous.perArea[index] as RawCounts) : null, context),
  );
  const region = buildProfile(REGION_KEY, regionName, true, current.region, previous?.region ?? null, context);
  const compareAreas = previous ? input.areas.map((area, index) => buildProfile(area.key, area.name, false, previous.perArea[index] as RawCounts, null, context)) : null;
  const compareRegion = previous ? buildProfile(REGION_KEY, regionName, true, previous.region, null, context) : null;

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
 * A published cell: suppressed when 0 < count < threshold or unknown; share in % of `total`.
 * @example publishedCell(2, 100, 3) // { count: null, share: null, suppressed: true }
 */
export function publishedCell(count: number, total: number, threshold: number): ProfileCell {
  if (!Number.isFinite(count) || (count > 0 && count < threshold)) return { count: null, share: null, suppressed: true };
  const share = Number.isFinite(total) && total > 0 ? (count / total) * 100 : null;
  return { count, share, suppressed: false };
}

function buildProfile(key: string, name: string, isRegion: boolean, counts: RawCounts, previous: RawCounts | null, context: BuildContext): AreaProfile {
  const { categories, threshold, variables } = context;
  const ageCount = categories.ageGroups.length;
  const populationTotal = counts.hasPopulation ? sumOf(counts.population) : Number.NaN;
  const refugeesTotal = counts.hasRefugees ? sumOf(counts.refugees) : Number.NaN;
  const foreignTotal = counts.hasForeign ? sumOf(counts.foreignByNationality) : Number.NaN;

  const pyramid: PyramidRow[] = categories.ageGroups.map((ageGroup, age) => ({
    ageGroup,
    male: publishedCell(counts.population[age] as number, populationTotal, threshold),
    female: publishedCell(counts.population[ageCount + age] as number, populationTotal, threshold),
    // The refugee part is drawn inside the population bars, so its share is of the same total.
    refugeesMale: publishedCell(counts.refugees[age] as number, populationTotal, threshold),
    refugeesFemale: publishedCell(counts.refugees[ageCount + age] as number, populationTotal, threshold),
  }));
  const nationality = [...counts.foreignByNationality].map((count) => publishedCell(count, foreignTotal, threshold));
  const status = [...counts.refugeesByStatus].map((count) => publishedCell(count, refugeesTotal, threshold));

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
  // An indicator built on a small numerator or denominator would reveal it (0 % of 2 refugees says both are
  // adults): it is withheld like the cell itself.
  const ratio = (numerator: number, denominator: number, factor: number): number | null =>
    Number.isFinite(numerator) && Number.isFinite(denominator) && denominator > 0 && !isSmall(numerator) && !isSmall(denominator) ? (numerator / denominator) * factor : null;
  const change = (now: number, before: number): number | null =>
    Number.isFinite(now) && Number.isFinite(before) && before > 0 && !isSmall(now) && !isSmall(before) ? ((now - before) / before) * 100 : null;
  const previousPopulation = previous?.hasPopulation ? sumOf(previous.population) : Number.NaN;
  const previousRefugees = previous?.hasRefugees ? sumOf(previous.refugees) : Number.NaN;
  const finiteOrNull = (value: number): number | null => (Number.isFinite(value) && !isSmall(value) ? value : null);

  return {
    key,
    name,
    isRegion,
    population: finiteOrNull(populationTotal),
    refugees: finiteOrNull(refugeesTotal),
    pyramid,
    nationality,
    status,
    indicators: {
      population: finiteOrNull(populationTotal),
      refugees: finiteOrNull(refugeesTotal),
      refugeesPer1000: ratio(refugeesTotal, populationTotal, 1000),
      refugeeShare: ratio(refugeesTotal, populationTotal, 100),
      foreignShare: ratio(foreignTotal, populationTotal, 100),
      under18Share: ratio(populationUnder18, populationTotal, 100),
      refugeesUnder18Share: ratio(refugeesUnder18, refugeesTotal, 100),
      grantedShare: ratio(granted, refugeesTotal, 100),
      refugeesChange: change(refugeesTotal, previousRefugees),
      populationChange: change(populationTotal, previousPopulation),
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
