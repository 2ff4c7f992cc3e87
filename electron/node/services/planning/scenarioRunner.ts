/**
 * Runs a stored scenario on a project: reads the layer's areas, the start population at the scenario's
 * start year, the rates and the supply from the project file, and hands them to the pure core
 * (shared/planning/runScenario). No planning logic lives here, only loading.
 */
import { UserError } from '../../../../shared/contract/errors';
import { aggregateSupply, type SupplyAggregation } from '../../../../shared/planning/supplyAggregation';
import { regionCosts } from '../../../../shared/planning/regionCosts';
import { runScenario, type ScenarioResult } from '../../../../shared/planning/runScenario';
import { toScenarioReport } from '../../../../shared/planning/scenarioReport';
import type { Scenario } from '../../../../shared/planning/scenarioModel';
import { DEFAULT_START_STOCK_VARIABLES, startStocksFromObservations } from '../../../../shared/planning/startStocks';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readCatchment, readCostRates, readDemandRates, readFacilities, readScenario, readStaff } from '../../storage/planningStore';
import { readAreas, readLayers, readObservations, type AreaWithSize } from '../../storage/projectReader';
import { chooseSourceObservations, selectionPeriods, selectionPriority } from '../../../../shared/sources/sourceChoice';
import { readSourceCatalogue } from '../sourceCatalogue';

/** The layer to plan on: the one asked for, else the project's first boundary layer. */
export function planningLayer(db: SqliteDatabase, layer: string | undefined): string {
  if (layer !== undefined) return layer;
  const first = readLayers(db)[0];
  if (!first) {
    throw new UserError('bad-input', {
      de: 'Das Projekt hat noch keine Gebietsebene. Bitte zuerst Gebietsgrenzen importieren.',
      en: 'The project has no boundary layer yet. Please import boundaries first.',
    });
  }
  return first.name;
}

/** Facilities and staff of the project aggregated to the layer's areas. */
export function loadSupply(db: SqliteDatabase, areas: readonly AreaWithSize[]): SupplyAggregation {
  return aggregateSupply(areas, readFacilities(db), readStaff(db), readCatchment(db));
}

/**
 * The unrounded result of `scenario` on the layer.
 * @example runProjectScenario(db, readScenario(db, 'mittel')).areas.length // 21 on the demo
 */
export function runProjectScenario(db: SqliteDatabase, scenario: Scenario, layer?: string): { result: ScenarioResult; layer: string } {
  const layerName = planningLayer(db, layer);
  const areas = readAreas(db, layerName);
  const period = `${scenario.startYear}-12-31`;
  const variables = DEFAULT_START_STOCK_VARIABLES;
  const catalogue = readSourceCatalogue(db);
  const populationPeriods = selectionPeriods(catalogue, { variable: variables.population });
  if (!populationPeriods.includes(period)) {
    const years = populationPeriods.filter((candidate) => candidate.endsWith('-12-31')).map((candidate) => candidate.slice(0, 4));
    throw new UserError('bad-input', {
      de: `Für das Startjahr ${scenario.startYear} gibt es keine Bevölkerung nach Geschlecht und Alter (Stichtag 31.12.${scenario.startYear}). ${years.length > 0 ? `Vorhanden: ${years.join(', ')}. Bitte eines dieser Jahre als Startjahr wählen.` : 'Bitte zuerst die Variable „population“ nach Geschlecht und Altersgruppe importieren.'}`,
      en: `There is no population by sex and age for the start year ${scenario.startYear} (31 Dec ${scenario.startYear}). ${years.length > 0 ? `Available: ${years.join(', ')}. Please choose one of these as the start year.` : 'Please import the variable "population" by sex and age group first.'}`,
    });
  }
  // Start stocks come from each variable's chosen source: two sources of the same people are never added.
  const observations = chooseSourceObservations(readObservations(db, { variables: [variables.population, variables.refugees], period }), (variable) =>
    selectionPriority(catalogue, { variable }),
  );
  const stocks = startStocksFromObservations(
    observations,
    areas.map((area) => area.key),
    period,
    variables,
  );
  const supply = loadSupply(db, areas);
  const result = runScenario({
    scenario,
    demandRates: readDemandRates(db),
    costRates: readCostRates(db),
    areas: areas.map((area) => ({ key: area.key, name: area.name, stock: stocks.get(area.key)!, supply: supply.supplyByArea.get(area.key)! })),
  });
  return { result, layer: layerName };
}

/** The contract's `planning.run` output: the rounded report of the stored scenario, region costs, the layer. */
export function scenarioRunReport(db: SqliteDatabase, scenarioId: string, options: { year?: number; layer?: string } = {}) {
  const { result, layer } = runProjectScenario(db, readScenario(db, scenarioId), options.layer);
  return reportOf(result, layer, options.year);
}

/** Rounded report, region costs (limited to `year` when given) and the layer name. */
export function reportOf(result: ScenarioResult, layer: string, year?: number) {
  const report = toScenarioReport(result, year === undefined ? {} : { year });
  return { ...report, layer, regionCosts: regionCosts(result).filter((costs) => year === undefined || costs.year === year) };
}
