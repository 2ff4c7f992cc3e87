/**
 * The report of one scenario as `kleinraum scenario P.gpkg --scenario ID [--year Y] --json` prints it
 * (fields of ../shared/docs/cli-contract.md plus quality, percent gaps, costs, region and assumptions).
 * Pure, so the CLI only loads the project, calls runScenario and prints this: no logic of its own.
 *
 * Figures are rounded for reading (persons, places and percent to `decimals`, euros to whole euros); the
 * unrounded result stays available from runScenario for anything that computes further.
 */
import { UserError } from '../contract/errors';
import type { AreaKey, LocalizedText } from '../model/project';
import type { AssumptionEntry } from './assumptions';
import type { NullableFigures } from './gap';
import type { ScenarioResult } from './runScenario';
import { INFRASTRUCTURE_KINDS, type InfrastructureFigures } from './scenarioModel';

export interface ScenarioReportYear {
  year: number;
  quality: 'projected';
  population: number;
  refugees: number;
  arrivals: number;
  demand: InfrastructureFigures;
  supply: NullableFigures;
  gap: NullableFigures;
  gapPercent: NullableFigures;
  /** Euros per year; present when the scenario was run with cost rates. */
  costs?: { acting: number; notActing: number; incomplete: boolean };
}

export interface ScenarioReport {
  scenario: { id: string; name: LocalizedText; startYear: number; assumptions: LocalizedText };
  quality: 'projected';
  years: number[];
  areas: { key: AreaKey; name: string; years: ScenarioReportYear[] }[];
  region: { years: { year: number; population: number; refugees: number; arrivals: number; demand: InfrastructureFigures; supply: NullableFigures; gap: NullableFigures; shortage: NullableFigures }[] };
  assumptions: AssumptionEntry[];
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function roundFigures<T extends number | null>(figures: Record<(typeof INFRASTRUCTURE_KINDS)[number], T>, decimals: number): Record<(typeof INFRASTRUCTURE_KINDS)[number], T> {
  const rounded = {} as Record<(typeof INFRASTRUCTURE_KINDS)[number], T>;
  for (const kind of INFRASTRUCTURE_KINDS) {
    const value = figures[kind];
    rounded[kind] = (value === null ? null : round(value, decimals)) as T;
  }
  return rounded;
}

/**
 * The CLI/JSON report of a scenario result, optionally for one year only.
 * @example toScenarioReport(result, { year: 2027 }).areas[0].years // one entry, year 2027
 */
export function toScenarioReport(result: ScenarioResult, options: { year?: number; decimals?: number } = {}): ScenarioReport {
  const decimals = options.decimals ?? 1;
  const year = options.year;
  if (year !== undefined && !result.years.includes(year)) {
    throw new UserError('bad-input', {
      de: `Das Szenario „${result.scenario.id}“ rechnet die Jahre ${result.years[0]}–${result.years.at(-1)}, nicht ${year}. Bitte mit --year ein Jahr aus diesem Zeitraum wählen.`,
      en: `The scenario "${result.scenario.id}" covers the years ${result.years[0]}–${result.years.at(-1)}, not ${year}. Please choose a year in that range with --year.`,
    });
  }
  const keep = (candidate: number): boolean => year === undefined || candidate === year;
  return {
    scenario: { id: result.scenario.id, name: result.scenario.name, startYear: result.scenario.startYear, assumptions: result.scenario.assumptionsText },
    quality: 'projected',
    years: result.years.filter(keep),
    areas: result.areas.map((area) => ({
      key: area.key,
      name: area.name,
      years: area.years
        .filter((areaYear) => keep(areaYear.year))
        .map((areaYear) => {
          const reportYear: ScenarioReportYear = {
            year: areaYear.year,
            quality: 'projected',
            population: round(areaYear.population, decimals),
            refugees: round(areaYear.refugees, decimals),
            arrivals: areaYear.allocation.received,
            demand: roundFigures(areaYear.demand, decimals),
            supply: roundFigures(areaYear.supply, decimals),
            gap: roundFigures(areaYear.gap, decimals),
            gapPercent: roundFigures(areaYear.gapPercent, decimals),
          };
          if (areaYear.costs) reportYear.costs = { acting: round(areaYear.costs.actingTotal, 0), notActing: round(areaYear.costs.notActingTotal, 0), incomplete: areaYear.costs.incomplete };
          return reportYear;
        }),
    })),
    region: {
      years: result.region.years
        .filter((regionYear) => keep(regionYear.year))
        .map((regionYear) => ({
          year: regionYear.year,
          population: round(regionYear.population, decimals),
          refugees: round(regionYear.refugees, decimals),
          arrivals: regionYear.arrivals,
          demand: roundFigures(regionYear.demand, decimals),
          supply: roundFigures(regionYear.supply, decimals),
          gap: roundFigures(regionYear.gap, decimals),
          shortage: roundFigures(regionYear.shortage, decimals),
        })),
    },
    assumptions: result.assumptions,
  };
}
