/**
 * The difference between two scenario results, area by area and year by year: what changes if scenario B
 * happens instead of scenario A. Used for the "difference" map and table of the comparison view.
 */
import { UserError } from '../contract/errors';
import type { AreaKey } from '../model/project';
import type { NullableFigures } from './gap';
import type { ScenarioResult } from './runScenario';
import { INFRASTRUCTURE_KINDS, type InfrastructureFigures } from './scenarioModel';

export interface AreaYearDifference {
  year: number;
  /** B − A in persons. */
  population: number;
  refugees: number;
  /** B − A in places or positions. */
  demand: InfrastructureFigures;
  /** B − A of the gaps; null where either gap is unknown. Positive = B has the larger shortage. */
  gap: NullableFigures;
}

export interface ScenarioDifference {
  /** Ids of the two scenarios: values are `b − a`. */
  a: string;
  b: string;
  quality: 'projected';
  years: number[];
  areas: { key: AreaKey; name: string; years: AreaYearDifference[] }[];
}

/**
 * B − A for every area and year. Both results must cover the same areas and years.
 * @example compareScenarios(low, high).areas[0].years[0].demand.kita // extra KiTa places under "high"
 */
export function compareScenarios(a: ScenarioResult, b: ScenarioResult): ScenarioDifference {
  const sameYears = a.years.length === b.years.length && a.years.every((year, index) => b.years[index] === year);
  const sameAreas = a.areas.length === b.areas.length && a.areas.every((area, index) => b.areas[index]!.key === area.key);
  if (!sameYears || !sameAreas) {
    throw new UserError('bad-input', {
      de: `Die Szenarien „${a.scenario.id}“ und „${b.scenario.id}“ haben nicht dieselben Jahre und Gebiete und lassen sich nicht vergleichen. Bitte beide mit gleichem Startjahr, Zeitraum und Gebietsebene rechnen.`,
      en: `The scenarios "${a.scenario.id}" and "${b.scenario.id}" do not cover the same years and areas and cannot be compared. Please compute both with the same start year, horizon and area layer.`,
    });
  }
  return {
    a: a.scenario.id,
    b: b.scenario.id,
    quality: 'projected',
    years: [...a.years],
    areas: a.areas.map((areaA, areaIndex) => {
      const areaB = b.areas[areaIndex]!;
      return {
        key: areaA.key,
        name: areaA.name,
        years: areaA.years.map((yearA, yearIndex) => {
          const yearB = areaB.years[yearIndex]!;
          const demand = {} as InfrastructureFigures;
          const gap = {} as NullableFigures;
          for (const kind of INFRASTRUCTURE_KINDS) {
            demand[kind] = yearB.demand[kind] - yearA.demand[kind];
            const gapA = yearA.gap[kind];
            const gapB = yearB.gap[kind];
            gap[kind] = gapA === null || gapB === null ? null : gapB - gapA;
          }
          return { year: yearA.year, population: yearB.population - yearA.population, refugees: yearB.refugees - yearA.refugees, demand, gap };
        }),
      };
    }),
  };
}
