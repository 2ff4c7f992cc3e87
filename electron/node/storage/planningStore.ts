/**
 * Reading and writing the planning tables of a project file (migration 3): scenarios and rates as JSON
 * checked by the zod schemas on every read, facilities and staff positions as rows. Everything that
 * comes back from the file is validated, so a hand-edited or damaged row gives a UserError naming the
 * field, never a wrong result.
 */
import { UserError } from '../../../shared/contract/errors';
import type { Facility, FacilityKind, StaffPositions } from '../../../shared/planning/facilities';
import { CATCHMENT_MODES, FACILITY_KINDS, type CatchmentMode, type SupplyCatchment, type SupplyFromDataSettings } from '../../../shared/planning/facilities';
import type { PlanningContent } from '../../../shared/planning/planningContent';

import { DEFAULT_COST_RATES, DEFAULT_DEMAND_RATES } from '../../../shared/planning/presets';
import { INFRASTRUCTURE_KINDS, type CostRates, type DemandRates, type Scenario } from '../../../shared/planning/scenarioModel';
import { parseCostRates, parseDemandRates, parseScenario } from '../../../shared/planning/scenarioSchema';
import { projectedIndicatorSuffix, type ProjectedResultContent } from '../../../shared/planning/projectedResults';
import type { SqliteDatabase } from './openDatabase';
import { readDimensions, readVariables } from './projectReader';
import { insertIndicator, insertSource, insertVariable, writeObservations } from './projectWriter';

const RATES_DEMAND = 'demand';
const RATES_COSTS = 'costs';
const RATES_SUPPLY = 'supply';

/** Replaces all planning content of `db` with `content` (inside the caller's transaction, if any). */
export function writePlanningContent(db: SqliteDatabase, content: PlanningContent): void {
  clearPlanningContent(db);
  content.scenarios.forEach((scenario) => saveScenario(db, scenario));
  writeDemandRates(db, content.demandRates);
  writeCostRates(db, content.costRates);
  writeCatchment(db, { mode: content.catchmentMode ?? 'buffer', km: content.catchmentKm });
  writeSupplyFromData(db, content.supplyFromData ?? {});
  writeFacilities(db, content.facilities);
  writeStaff(db, content.staff);
}

/** Deletes scenarios, rates, facilities and staff (the tables stay). */
export function clearPlanningContent(db: SqliteDatabase): void {
  db.exec('DELETE FROM kleinraum_scenarios; DELETE FROM kleinraum_rates; DELETE FROM kleinraum_facilities; DELETE FROM kleinraum_staff;');
}

/** The project's planning content; rates fall back to the shipped presets when the file has none. */
export function readPlanningContent(db: SqliteDatabase): PlanningContent {
  return {
    scenarios: listScenarios(db),
    demandRates: readDemandRates(db),
    costRates: readCostRates(db),
    facilities: readFacilities(db),
    staff: readStaff(db),
    catchmentKm: readCatchmentKm(db),
    catchmentMode: readCatchment(db).mode,
    supplyFromData: readSupplyFromData(db),
  };
}

/** All scenarios in the order they were created. */
export function listScenarios(db: SqliteDatabase): Scenario[] {
  const rows = db.prepare('SELECT scenario_json FROM kleinraum_scenarios ORDER BY position, id').pluck().all() as string[];
  return rows.map((json) => parseScenario(JSON.parse(json)));
}

/** One scenario, or a UserError naming the scenarios that exist. */
export function readScenario(db: SqliteDatabase, scenarioId: string): Scenario {
  const json = db.prepare('SELECT scenario_json FROM kleinraum_scenarios WHERE scenario_id = ?').pluck().get(scenarioId) as string | undefined;
  if (json === undefined) {
    const known = (db.prepare('SELECT scenario_id FROM kleinraum_scenarios ORDER BY position, id').pluck().all() as string[]).join(', ') || '–';
    throw new UserError('not-found', {
      de: `Das Szenario „${scenarioId}“ gibt es in diesem Projekt nicht (vorhanden: ${known}). Bitte eine dieser Kennungen angeben.`,
      en: `There is no scenario "${scenarioId}" in this project (available: ${known}). Please give one of these ids.`,
    });
  }
  return parseScenario(JSON.parse(json));
}

/** Creates the scenario or replaces the one with the same id (keeping its position). */
export function saveScenario(db: SqliteDatabase, scenario: Scenario): void {
  const position = (db.prepare('SELECT COALESCE(MAX(position), -1) + 1 FROM kleinraum_scenarios').pluck().get() as number) ?? 0;
  db.prepare(
    `INSERT INTO kleinraum_scenarios (scenario_id, name_de, name_en, scenario_json, position) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(scenario_id) DO UPDATE SET name_de = excluded.name_de, name_en = excluded.name_en, scenario_json = excluded.scenario_json`,
  ).run(scenario.id, scenario.name.de, scenario.name.en, JSON.stringify(scenario), position);
}

/** Deletes a scenario; false when there was none with this id. */
export function deleteScenario(db: SqliteDatabase, scenarioId: string): boolean {
  return db.prepare('DELETE FROM kleinraum_scenarios WHERE scenario_id = ?').run(scenarioId).changes > 0;
}

function readRatesJson(db: SqliteDatabase, ratesId: string): unknown {
  const json = db.prepare('SELECT rates_json FROM kleinraum_rates WHERE rates_id = ?').pluck().get(ratesId) as string | undefined;
  return json === undefined ? undefined : (JSON.parse(json) as unknown);
}

function writeRatesJson(db: SqliteDatabase, ratesId: string, value: unknown): void {
  db.prepare('INSERT INTO kleinraum_rates (rates_id, rates_json) VALUES (?, ?) ON CONFLICT(rates_id) DO UPDATE SET rates_json = excluded.rates_json').run(ratesId, JSON.stringify(value));
}

export function readDemandRates(db: SqliteDatabase): DemandRates {
  const json = readRatesJson(db, RATES_DEMAND);
  return json === undefined ? DEFAULT_DEMAND_RATES : parseDemandRates(json);
}

export function writeDemandRates(db: SqliteDatabase, rates: DemandRates): void {
  writeRatesJson(db, RATES_DEMAND, rates);
}

export function readCostRates(db: SqliteDatabase): CostRates {
  const json = readRatesJson(db, RATES_COSTS);
  return json === undefined ? DEFAULT_COST_RATES : parseCostRates(json);
}

export function writeCostRates(db: SqliteDatabase, rates: CostRates): void {
  writeRatesJson(db, RATES_COSTS, rates);
}

export function readCatchmentKm(db: SqliteDatabase): number {
  return readCatchment(db).km;
}

/** The supply settings as stored: the catchment and the kinds whose supply comes from the project's data. */
interface SupplySettingsJson {
  catchmentKm?: unknown;
  catchmentMode?: unknown;
  fromData?: unknown;
}

function readSupplySettings(db: SqliteDatabase): SupplySettingsJson {
  return (readRatesJson(db, RATES_SUPPLY) as SupplySettingsJson | undefined) ?? {};
}

/** The catchment setting; a file without one (or with a damaged one) means buffer 0 km = points in polygons only. */
export function readCatchment(db: SqliteDatabase): SupplyCatchment {
  const { catchmentKm: km, catchmentMode: mode } = readSupplySettings(db);
  return {
    mode: (CATCHMENT_MODES as readonly unknown[]).includes(mode) ? (mode as CatchmentMode) : 'buffer',
    km: typeof km === 'number' && Number.isFinite(km) && km >= 0 ? km : 0,
  };
}

export function writeCatchmentKm(db: SqliteDatabase, catchmentKm: number): void {
  writeCatchment(db, { ...readCatchment(db), km: catchmentKm });
}

export function writeCatchment(db: SqliteDatabase, catchment: SupplyCatchment): void {
  writeRatesJson(db, RATES_SUPPLY, { ...readSupplySettings(db), catchmentKm: catchment.km, catchmentMode: catchment.mode });
}

/**
 * The kinds whose supply comes from an indicator of the project's data (SupplyFromData). An entry that is
 * not one (a hand-edited file) is left out, as a damaged catchment falls back to its default.
 */
export function readSupplyFromData(db: SqliteDatabase): SupplyFromDataSettings {
  const stored = readSupplySettings(db).fromData;
  const settings: SupplyFromDataSettings = {};
  if (typeof stored !== 'object' || stored === null) return settings;
  for (const kind of INFRASTRUCTURE_KINDS) {
    const entry = (stored as Record<string, { indicator?: unknown; period?: unknown } | undefined>)[kind];
    if (entry && typeof entry.indicator === 'string' && entry.indicator !== '' && (entry.period === null || typeof entry.period === 'string')) settings[kind] = { indicator: entry.indicator, period: entry.period };
  }
  return settings;
}

export function writeSupplyFromData(db: SqliteDatabase, settings: SupplyFromDataSettings): void {
  writeRatesJson(db, RATES_SUPPLY, { ...readSupplySettings(db), fromData: settings });
}

type FacilityRow = { facility_id: string; kind: string; name: string; capacity: number; longitude: number; latitude: number; synthetic: number; source: string };

export function readFacilities(db: SqliteDatabase): Facility[] {
  const rows = db.prepare('SELECT facility_id, kind, name, capacity, longitude, latitude, synthetic, source FROM kleinraum_facilities ORDER BY position, id').all() as FacilityRow[];
  return rows.map((row) => {
    if (!(FACILITY_KINDS as readonly string[]).includes(row.kind)) {
      throw new UserError('bad-input', {
        de: `Die Einrichtung „${row.name}“ hat die unbekannte Art „${row.kind}“. Bitte eine der Arten ${FACILITY_KINDS.join(', ')} eintragen.`,
        en: `The facility "${row.name}" has the unknown kind "${row.kind}". Please use one of ${FACILITY_KINDS.join(', ')}.`,
      });
    }
    return {
      id: row.facility_id,
      kind: row.kind as FacilityKind,
      name: row.name,
      capacity: row.capacity,
      longitude: row.longitude,
      latitude: row.latitude,
      synthetic: row.synthetic === 1,
      source: row.source,
    };
  });
}

/** Replaces all facilities. */
export function writeFacilities(db: SqliteDatabase, facilities: readonly Facility[]): void {
  db.exec('DELETE FROM kleinraum_facilities');
  const insert = db.prepare('INSERT INTO kleinraum_facilities (facility_id, kind, name, capacity, longitude, latitude, synthetic, source, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  facilities.forEach((facility, position) =>
    insert.run(facility.id, facility.kind, facility.name, facility.capacity, facility.longitude, facility.latitude, facility.synthetic ? 1 : 0, facility.source, position),
  );
}

export function readStaff(db: SqliteDatabase): StaffPositions[] {
  const rows = db.prepare('SELECT area_key, positions, synthetic, note FROM kleinraum_staff ORDER BY area_key').all() as { area_key: string; positions: number; synthetic: number; note: string }[];
  return rows.map((row) => ({ areaKey: row.area_key, positions: row.positions, synthetic: row.synthetic === 1, note: row.note }));
}

/** Replaces all staff positions. */
export function writeStaff(db: SqliteDatabase, staff: readonly StaffPositions[]): void {
  db.exec('DELETE FROM kleinraum_staff');
  const insert = db.prepare('INSERT INTO kleinraum_staff (area_key, positions, synthetic, note) VALUES (?, ?, ?, ?)');
  for (const entry of staff) insert.run(entry.areaKey, entry.positions, entry.synthetic ? 1 : 0, entry.note);
}

const nextPosition = (db: SqliteDatabase, table: string): number =>
  (db.prepare(`SELECT COALESCE(MAX(position) + 1, 0) FROM ${table}`).pluck().get() as number) ?? 0;

/**
 * Stores a scenario's results (shared/planning/projectedResults.ts), replacing the earlier stored results
 * of the same scenario: its source, observations and indicators. Variables and dimension values are added
 * when missing and kept otherwise (other scenarios' results use them). Call inside ProjectSession.edit so
 * that a failure leaves the project as it was.
 * @example replaceProjectedResults(db, 'mittel', projectedResultContent(report, { basedOnSyntheticData: false })) // 21 areas × 6 years × 17 rows on the demo
 */
export function replaceProjectedResults(db: SqliteDatabase, scenarioId: string, content: ProjectedResultContent): void {
  const sourceId = content.source.id;
  db.prepare('DELETE FROM kleinraum_observations WHERE source_id = ?').run(sourceId);
  const suffix = projectedIndicatorSuffix(scenarioId);
  const deleteIndicator = db.prepare('DELETE FROM kleinraum_indicators WHERE indicator_id = ?');
  for (const id of db.prepare("SELECT indicator_id FROM kleinraum_indicators WHERE indicator_id LIKE 'projected%'").pluck().all() as string[]) {
    if (id.endsWith(suffix)) deleteIndicator.run(id);
  }
  db.prepare('DELETE FROM kleinraum_sources WHERE source_id = ?').run(sourceId);
  insertSource(db, content.source, nextPosition(db, 'kleinraum_sources'));

  const knownDimensions = new Map(readDimensions(db).map((dimension) => [dimension.id, dimension]));
  for (const dimension of content.dimensions) {
    const known = knownDimensions.get(dimension.id);
    if (!known) {
      db.prepare('INSERT INTO kleinraum_dimensions (dimension_id, name_de, name_en, values_json, position) VALUES (?, ?, ?, ?, ?)').run(
        dimension.id, dimension.name.de, dimension.name.en, JSON.stringify(dimension.values), nextPosition(db, 'kleinraum_dimensions'),
      );
      continue;
    }
    // A renamed scenario gets its new name; other values (other scenarios) stay.
    const values = [...known.values.filter((value) => !dimension.values.some((added) => added.id === value.id)), ...dimension.values];
    db.prepare('UPDATE kleinraum_dimensions SET values_json = ? WHERE dimension_id = ?').run(JSON.stringify(values), dimension.id);
  }
  const knownVariables = new Set(readVariables(db).map((variable) => variable.id));
  for (const variable of content.variables) {
    if (knownVariables.has(variable.id)) continue;
    insertVariable(db, variable, nextPosition(db, 'kleinraum_variables'));
  }
  for (const indicator of content.indicators) insertIndicator(db, indicator, nextPosition(db, 'kleinraum_indicators'));
  writeObservations(db, content.observations);
}
