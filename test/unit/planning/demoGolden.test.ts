/**
 * Golden output of a fixed scenario on the demo project: the preset "mittel" on the 21 demo
 * municipalities with the demo's facilities and staff, through the same pure pipeline the backend uses
 * (start stocks from observations → supply aggregation → runScenario → report). Any change in the demo,
 * the rates or the model shows up as a diff of test/golden/planning/demo-mittel.json.
 * Regenerate on purpose with `REGEN=1 npx vitest run test/unit/planning/demoGolden.test.ts` and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../shared/demo/createDemoProject';
import { regionCosts } from '../../../shared/planning/regionCosts';
import { runScenario } from '../../../shared/planning/runScenario';
import { toScenarioReport } from '../../../shared/planning/scenarioReport';
import { startStocksFromObservations } from '../../../shared/planning/startStocks';
import { aggregateSupply } from '../../../shared/planning/supplyAggregation';

const goldenFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../golden/planning/demo-mittel.json');
const GOLDEN_YEARS = [2025, 2029, 2034];

function demoReport() {
  const project = createDemoProject();
  const planning = project.planning!;
  const areas = project.layers[0]!.areas;
  const scenario = planning.scenarios.find((candidate) => candidate.id === 'mittel')!;
  const stocks = startStocksFromObservations(
    project.observations,
    areas.map((area) => area.key),
    `${scenario.startYear}-12-31`,
  );
  const supply = aggregateSupply(areas, planning.facilities, planning.staff, planning.catchmentKm);
  const result = runScenario({
    scenario,
    demandRates: planning.demandRates,
    costRates: planning.costRates,
    areas: areas.map((area) => ({ key: area.key, name: area.name, stock: stocks.get(area.key)!, supply: supply.supplyByArea.get(area.key)! })),
  });
  const report = toScenarioReport(result);
  const keep = (year: number): boolean => GOLDEN_YEARS.includes(year);
  return {
    ...report,
    years: report.years.filter(keep),
    areas: report.areas.map((area) => ({ ...area, years: area.years.filter((areaYear) => keep(areaYear.year)) })),
    region: { years: report.region.years.filter((regionYear) => keep(regionYear.year)) },
    regionCosts: regionCosts(result).filter((costs) => keep(costs.year)),
    unassignedFacilities: supply.unassigned,
  };
}

describe('golden: scenario "mittel" on the demo project', () => {
  it('matches test/golden/planning/demo-mittel.json', () => {
    const report = demoReport();
    if (process.env.REGEN === '1' || !existsSync(goldenFile)) {
      mkdirSync(path.dirname(goldenFile), { recursive: true });
      writeFileSync(goldenFile, `${JSON.stringify(report, null, 1)}\n`);
      console.log(`golden written: ${goldenFile} (review the diff before committing)`);
    }
    expect(JSON.parse(JSON.stringify(report))).toEqual(JSON.parse(readFileSync(goldenFile, 'utf8')));
  });

  it('has every facility inside a municipality, shortages somewhere and spare places elsewhere', () => {
    const report = demoReport();
    expect(report.unassignedFacilities).toEqual([]);
    const firstYearKitaGaps = report.areas.map((area) => area.years[0]!.gap.kita!);
    expect(firstYearKitaGaps.some((gap) => gap > 0)).toBe(true);
    expect(firstYearKitaGaps.some((gap) => gap < 0)).toBe(true);
    // Area arrivals add up to the region's arrivals in every year (allocation is exact).
    report.years.forEach((year, index) => {
      expect(report.areas.reduce((sum, area) => sum + area.years[index]!.arrivals, 0)).toBe(report.region.years[index]!.arrivals);
      expect(report.region.years[index]!.year).toBe(year);
    });
  });
});
