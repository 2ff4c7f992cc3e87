/**
 * Backend implementation of the contract methods in shared/contract/methods/planning.ts: scenarios, rates
 * and supply are stored in the project's planning tables (storage/planningStore.ts); results are computed
 * on request by the pure core (scenarioRunner.ts), so they always follow the current data; only
 * `planning.storeResults` writes a run into the project, as observations of quality 'projected'.
 */
import path from 'node:path';
import type { planningMethods } from '../../../../shared/contract/methods/planning';
import { UserError } from '../../../../shared/contract/errors';
import { compareScenarios, type AreaYearDifference } from '../../../../shared/planning/compareScenarios';
import { facilitiesFromRecords } from '../../../../shared/planning/facilityRecords';
import { aggregateSupply } from '../../../../shared/planning/supplyAggregation';
import { syntheticSupplyKinds } from '../../../../shared/planning/facilities';
import { countsPlacesOrPositions, notSupplyReason } from '../../../../shared/planning/supplyFromData';
import { computableIndicatorPeriods } from '../../../../shared/indicators/computableIndicatorPeriods';
import { formatDate } from '../../../../shared/format/number';
import type { IndicatorDefinition } from '../../../../shared/model/project';
import { selectionPeriods, type SourceCatalogue } from '../../../../shared/sources/sourceChoice';
import { readSourceCatalogue } from '../sourceCatalogue';
import { checkScenarioFields } from '../../../../shared/planning/resolveScenario';
import { projectedResultContent } from '../../../../shared/planning/projectedResults';
import { DEFAULT_START_STOCK_VARIABLES } from '../../../../shared/planning/startStocks';
import { checkDemandRates } from '../../../../shared/planning/demand';
import { checkCostRates } from '../../../../shared/planning/costs';
import { INFRASTRUCTURE_KINDS, type InfrastructureKind, type Scenario } from '../../../../shared/planning/scenarioModel';
import type { SqliteDatabase } from '../../storage/openDatabase';
import {
  deleteScenario,
  listScenarios,
  readCatchment,
  readCostRates,
  readDemandRates,
  readFacilities,
  readScenario,
  readStaff,
  readSupplyFromData,
  replaceProjectedResults,
  saveScenario,
  writeCatchment,
  writeCostRates,
  writeDemandRates,
  writeFacilities,
  writeStaff,
  writeSupplyFromData,
} from '../../storage/planningStore';
import { observationsAreSynthetic, readAreas, readIndicators } from '../../storage/projectReader';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';
import { loadSupply, planningLayer, reportOf, runProjectScenario, scenarioRunReport, type LoadedSupply } from './scenarioRunner';

function listEntries(db: SqliteDatabase) {
  return listScenarios(db).map((scenario) => ({ id: scenario.id, name: scenario.name, startYear: scenario.startYear, years: scenario.years }));
}

/** An indicator as a kind's supply could use it: its Stichtage (ascending) and whether it counts places. */
function supplyCandidate(indicator: IndicatorDefinition, catalogue: SourceCatalogue) {
  return {
    id: indicator.id,
    name: indicator.name,
    unit: indicator.unit,
    periods: computableIndicatorPeriods(indicator, (selection) => selectionPeriods(catalogue, selection)),
    countsPlaces: countsPlacesOrPositions(indicator.unit.de),
  };
}

/**
 * The indicators a kind's supply can come from (see notSupplyReason), with their Stichtage: counts of places
 * and positions first, then the rest (a planner may have kept places under another unit). The source
 * catalogue is read once for all of them.
 */
function supplyDataCandidates(db: SqliteDatabase) {
  const catalogue = readSourceCatalogue(db);
  return readIndicators(db)
    .filter((indicator) => notSupplyReason(indicator, indicator.id) === null)
    .map((indicator) => supplyCandidate(indicator, catalogue))
    .filter((candidate) => candidate.periods.length > 0)
    .sort((first, second) => Number(second.countsPlaces) - Number(first.countsPlaces));
}

function supplyListing(db: SqliteDatabase, layer: string | undefined) {
  const layerName = planningLayer(db, layer);
  const areas = readAreas(db, layerName);
  const { aggregation, fromData } = loadSupply(db, layerName, areas);
  return {
    fromData,
    dataCandidates: supplyDataCandidates(db),
    layer: layerName,
    facilities: readFacilities(db).map((facility) => Object.assign({}, facility, { areaKey: aggregation.areaOfFacility.get(facility.id) ?? null })),
    staff: readStaff(db),
    catchmentKm: readCatchment(db).km,
    catchmentMode: readCatchment(db).mode,
    areas: areas.map((area) => ({ key: area.key, name: area.name, supply: aggregation.supplyByArea.get(area.key)! })),
    unassigned: aggregation.unassigned,
  };
}

const tenth = (value: number): number => Math.round(value * 10) / 10 || 0;

/** Differences are shown like the reports: persons and places to one decimal. */
function roundDifference(year: AreaYearDifference): AreaYearDifference {
  const demand = {} as AreaYearDifference['demand'];
  const gap = {} as AreaYearDifference['gap'];
  for (const kind of INFRASTRUCTURE_KINDS) {
    demand[kind] = tenth(year.demand[kind]);
    const value = year.gap[kind];
    gap[kind] = value === null ? null : tenth(value);
  }
  return { year: year.year, population: tenth(year.population), refugees: tenth(year.refugees), demand, gap };
}

/** True when the start population/refugees or the supply the run used (`fromData`: its kinds taken from data) is demo data. */
function startsFromSyntheticData(db: SqliteDatabase, startYear: number, fromData: LoadedSupply['fromData']): boolean {
  const syntheticStock = observationsAreSynthetic(db, [DEFAULT_START_STOCK_VARIABLES.population, DEFAULT_START_STOCK_VARIABLES.refugees], `${startYear}-12-31`);
  return syntheticStock || syntheticSupplyKinds(readFacilities(db), readStaff(db), fromData).size > 0;
}

/** Refuses a new setting naming an indicator that cannot be supply or lacks the Stichtag (before anything is stored). */
function checkSupplyFromData(db: SqliteDatabase, entries: readonly { kind: InfrastructureKind; indicator: string | null; period: string | null }[]): void {
  const indicators = readIndicators(db);
  const catalogue = readSourceCatalogue(db);
  for (const entry of entries) {
    if (entry.indicator === null) continue;
    const indicator = indicators.find((candidate) => candidate.id === entry.indicator);
    const refusal = notSupplyReason(indicator, entry.indicator);
    if (refusal) throw new UserError('bad-input', { de: `${refusal.de} Nichts geändert.`, en: `${refusal.en} Nothing changed.` });
    const { name, periods } = supplyCandidate(indicator!, catalogue);
    if (periods.length === 0) {
      throw new UserError('bad-input', {
        de: `„${name.de}“ hat noch keine Werte. Nichts geändert. Bitte zuerst die Liste importieren oder eine andere Kennzahl wählen.`,
        en: `"${name.en}" has no values yet. Nothing changed. Please import the list first, or choose another indicator.`,
      });
    }
    if (entry.period !== null && !periods.includes(entry.period)) {
      throw new UserError('bad-input', {
        de: `„${name.de}“ hat keine Werte zum ${formatDate(entry.period, 'de')}. Nichts geändert. Bitte einen dieser Stichtage wählen: ${periods.map((period) => formatDate(period, 'de')).join(', ')}.`,
        en: `"${name.en}" has no values for ${formatDate(entry.period, 'en')}. Nothing changed. Please choose one of these reference dates: ${periods.map((period) => formatDate(period, 'en')).join(', ')}.`,
      });
    }
  }
}

function checkUniqueIds(ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) {
      throw new UserError('bad-input', {
        de: `Die Kennung „${id}“ kommt bei den Einrichtungen doppelt vor. Bitte jeder Einrichtung eine eigene Kennung geben.`,
        en: `The id "${id}" occurs twice among the facilities. Please give every facility its own id.`,
      });
    }
    seen.add(id);
  }
}

export function createPlanningHandlers(context: ServiceContext): FeatureHandlers<typeof planningMethods> {
  const db = (): SqliteDatabase => context.current().db;
  return {
    async 'planning.listScenarios'() {
      return { scenarios: listEntries(db()) };
    },

    async 'planning.getScenario'({ id }) {
      return { scenario: readScenario(db(), id) };
    },

    async 'planning.saveScenario'({ scenario }) {
      checkScenarioFields(scenario as Scenario);
      context.current().edit((database) => saveScenario(database, scenario as Scenario));
      context.changed();
      return { scenario };
    },

    async 'planning.deleteScenario'({ id }) {
      readScenario(db(), id);
      context.current().edit((database) => deleteScenario(database, id));
      context.changed();
      return { scenarios: listEntries(db()) };
    },

    async 'planning.run'({ scenarioId, year, layer }) {
      return scenarioRunReport(db(), scenarioId, { year, layer });
    },

    async 'planning.storeResults'({ scenarioId, layer }) {
      // One run: its report is stored, and the supply it used says whether the results rest on demo data.
      const run = runProjectScenario(db(), readScenario(db(), scenarioId), layer);
      const report = reportOf(run.result, run.layer);
      const content = projectedResultContent(report, { basedOnSyntheticData: startsFromSyntheticData(db(), report.scenario.startYear, run.supply.fromData) });
      context.current().edit((database) => replaceProjectedResults(database, scenarioId, content));
      context.changed();
      return {
        sourceId: content.source.id,
        layer: report.layer,
        years: report.years,
        observations: content.observations.length,
        indicators: content.indicators.map((indicator) => indicator.id),
      };
    },

    async 'planning.compare'({ a, b, year, layer }) {
      const database = db();
      const runA = runProjectScenario(database, readScenario(database, a), layer);
      const runB = runProjectScenario(database, readScenario(database, b), layer);
      const difference = compareScenarios(runA.result, runB.result);
      const keep = (candidate: number): boolean => year === undefined || candidate === year;
      return {
        a: reportOf(runA.result, runA.layer, year),
        b: reportOf(runB.result, runB.layer, year),
        difference: {
          ...difference,
          years: difference.years.filter(keep),
          areas: difference.areas.map((area) => Object.assign({}, area, { years: area.years.filter((areaYear) => keep(areaYear.year)).map(roundDifference) })),
        },
      };
    },

    async 'planning.rates'() {
      return { demand: readDemandRates(db()), costs: readCostRates(db()) };
    },

    async 'planning.setRates'({ demand, costs }) {
      if (demand) checkDemandRates(demand);
      if (costs) checkCostRates(costs);
      context.current().edit((database) => {
        if (demand) writeDemandRates(database, demand);
        if (costs) writeCostRates(database, costs);
      });
      context.changed();
      return { demand: readDemandRates(db()), costs: readCostRates(db()) };
    },

    async 'planning.supply'({ layer }) {
      return supplyListing(db(), layer);
    },

    async 'planning.setSupply'({ facilities, staff, catchmentKm, catchmentMode, fromData, restoring, layer }) {
      if (facilities) checkUniqueIds(facilities.map((facility) => facility.id));
      if (fromData && !restoring) checkSupplyFromData(db(), fromData);
      context.current().edit((database) => {
        if (facilities) writeFacilities(database, facilities);
        if (staff) writeStaff(database, staff);
        if (fromData) writeSupplyFromData(database, { ...readSupplyFromData(database), ...Object.fromEntries(fromData.map((entry) => [entry.kind, entry.indicator === null ? undefined : { indicator: entry.indicator, period: entry.period }])) });
        if (catchmentKm !== undefined || catchmentMode !== undefined) {
          const current = readCatchment(database);
          writeCatchment(database, { mode: catchmentMode ?? current.mode, km: catchmentKm ?? current.km });
        }
      });
      context.changed();
      return supplyListing(db(), layer);
    },

    async 'planning.importFacilities'({ path: filePath, kind, replace, layer }) {
      // The file readers (CSV, XLSX, GeoJSON, shapefile, with proj4) load only when facilities are imported.
      const { readFacilityRecords } = await import('./facilityFile');
      const records = await readFacilityRecords(filePath);
      const fileName = path.basename(filePath);
      const read = facilitiesFromRecords(records, { source: fileName, defaultKind: kind, idPrefix: fileName.replace(/\.[^.]+$/, '') });
      const existing = replace ? [] : readFacilities(db());
      const facilities = [...existing.filter((facility) => !read.facilities.some((imported) => imported.id === facility.id)), ...read.facilities];
      checkUniqueIds(facilities.map((facility) => facility.id));
      context.current().edit((database) => writeFacilities(database, facilities));
      context.changed();
      const listing = supplyListing(db(), layer);
      // Outside every area = counted for no area under points in polygons, whatever the catchment does with it.
      const areas = readAreas(db(), listing.layer);
      const inside = aggregateSupply(areas, read.facilities, [], 0);
      return { read: records.length, imported: read.facilities.length, skipped: read.skipped, outside: inside.unassigned, listing };
    },
  };
}
