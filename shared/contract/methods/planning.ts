/**
 * Contract methods for infrastructure planning: scenarios, rates, facilities and staff, and the results
 * (demand, supply, gap, costs per area and year; quality "projected", assumptions attached).
 */
import { z } from 'zod';
import { FACILITY_KINDS } from '../../planning/facilities';
import { SKIP_PROBLEMS } from '../../planning/facilityRecords';
import { CATCHMENT_MODES } from '../../planning/facilities';
import { costRatesSchema, demandRatesSchema, scenarioSchema } from '../../planning/scenarioSchema';
import { INFRASTRUCTURE_KINDS } from '../../planning/scenarioModel';
import { emptyInput, localizedText } from '../schemas';

const figures = z.object({ kita: z.number(), school: z.number(), integration: z.number(), accommodation: z.number(), staff: z.number() });
const nullableFigures = z.object({
  kita: z.number().nullable(),
  school: z.number().nullable(),
  integration: z.number().nullable(),
  accommodation: z.number().nullable(),
  staff: z.number().nullable(),
});
const valueBasis = z.object({ kind: z.enum(['source', 'assumption']), text: localizedText });

/** A scenario as listed: enough to choose one. */
export const scenarioListEntry = z.object({ id: z.string(), name: localizedText, startYear: z.number().int(), years: z.number().int() });

const reportYear = z.object({
  year: z.number().int(),
  quality: z.literal('projected'),
  population: z.number(),
  refugees: z.number(),
  arrivals: z.number(),
  demand: figures,
  supply: nullableFigures,
  gap: nullableFigures,
  gapPercent: nullableFigures,
  costs: z.object({ acting: z.number(), notActing: z.number(), incomplete: z.boolean() }).optional(),
});

const regionYear = z.object({
  year: z.number().int(),
  population: z.number(),
  refugees: z.number(),
  arrivals: z.number(),
  demand: figures,
  supply: nullableFigures,
  gap: nullableFigures,
  shortage: nullableFigures,
});

/** Costs of the whole region in one year (euros per year): closing every area's shortage vs leaving it. */
export const regionCostsSchema = z.object({
  year: z.number().int(),
  acting: nullableFigures,
  notActing: nullableFigures,
  actingTotal: z.number(),
  notActingTotal: z.number(),
  incomplete: z.boolean(),
});

/** The report of one scenario (shared/planning/scenarioReport.ts), as `kleinraum scenario --json` prints it, plus region costs. */
export const scenarioRunSchema = z.object({
  scenario: z.object({ id: z.string(), name: localizedText, startYear: z.number().int(), assumptions: localizedText }),
  quality: z.literal('projected'),
  /** The boundary layer the scenario was computed on. */
  layer: z.string(),
  years: z.array(z.number().int()),
  areas: z.array(z.object({ key: z.string(), name: z.string(), years: z.array(reportYear) })),
  region: z.object({ years: z.array(regionYear) }),
  regionCosts: z.array(regionCostsSchema),
  assumptions: z.array(z.object({ id: z.string(), label: localizedText, value: z.union([z.number(), z.array(z.number()), z.null()]), basis: valueBasis })),
});

const differenceSchema = z.object({
  a: z.string(),
  b: z.string(),
  quality: z.literal('projected'),
  years: z.array(z.number().int()),
  areas: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      years: z.array(z.object({ year: z.number().int(), population: z.number(), refugees: z.number(), demand: figures, gap: nullableFigures })),
    }),
  ),
});

export const facilitySchema = z.object({
  id: z.string().min(1),
  kind: z.enum(FACILITY_KINDS),
  name: z.string(),
  capacity: z.number().min(0),
  longitude: z.number().min(-180).max(180),
  latitude: z.number().min(-90).max(90),
  synthetic: z.boolean(),
  source: z.string(),
});

export const staffPositionsSchema = z.object({ areaKey: z.string().min(1), positions: z.number().min(0), synthetic: z.boolean(), note: z.string() });

const infrastructureKind = z.enum(INFRASTRUCTURE_KINDS);

/** A kind whose supply comes from an indicator of the project's data (places per area), as it was used. */
const supplyFromDataUse = z.object({
  kind: infrastructureKind,
  /** The setting as stored: the indicator and its Stichtag, null = its newest (what undo puts back). */
  indicator: z.string(),
  chosenPeriod: z.string().nullable(),
  /** null when the project no longer has the indicator (then `problem` says so). */
  indicatorName: localizedText.nullable(),
  unit: localizedText.nullable(),
  /** The Stichtag of the figures used; null when none could be used. */
  period: z.string().nullable(),
  sources: z.array(z.object({ id: z.string(), name: z.string(), stichtag: z.string().nullable(), synthetic: z.boolean() })),
  /** Names of the areas without a figure (their supply of this kind is unknown). */
  areasWithoutValue: z.array(z.string()),
  /** Names of the areas whose figure a lower-ranked source filled (a gap in the first source's list). */
  areasFromFallback: z.array(z.string()),
  /** Why the setting could not be followed (supply of the kind unknown), else null. */
  problem: localizedText.nullable(),
});

/** Facilities and staff with their aggregation to the areas of the layer. */
export const supplyListing = z.object({
  layer: z.string(),
  /**
   * Kinds whose supply comes from the project's data instead of facilities and staff positions; facilities
   * of such a kind are listed but not counted (the same places are never added twice).
   */
  fromData: z.array(supplyFromDataUse),
  /**
   * Indicators of absolute figures a kind's supply can come from (no stored projections), with their
   * Stichtage (ascending); those counting places or positions first (`countsPlaces`).
   */
  dataCandidates: z.array(z.object({ id: z.string(), name: localizedText, unit: localizedText, periods: z.array(z.string()), countsPlaces: z.boolean() })),
  facilities: z.array(facilitySchema.extend({ areaKey: z.string().nullable() })),
  staff: z.array(staffPositionsSchema),
  catchmentKm: z.number(),
  /** 'buffer': inside an area, or within catchmentKm of one; 'nearest': the area with the nearest centre (straight line). */
  catchmentMode: z.enum(CATCHMENT_MODES),
  areas: z.array(z.object({ key: z.string(), name: z.string(), supply: nullableFigures })),
  /** Facilities outside every area and beyond the catchment. */
  unassigned: z.array(z.string()),
});

const ratesSchema = z.object({ demand: demandRatesSchema, costs: costRatesSchema });

const layerInput = z.string().optional();

export const planningMethods = {
  'planning.listScenarios': { input: emptyInput, output: z.object({ scenarios: z.array(scenarioListEntry) }) },
  'planning.getScenario': { input: z.object({ id: z.string().min(1) }), output: z.object({ scenario: scenarioSchema }) },
  /** Creates the scenario, or replaces the one with the same id. Range checks (1–10 years, shares 0..1) run before it is stored. */
  'planning.saveScenario': { input: z.object({ scenario: scenarioSchema }), output: z.object({ scenario: scenarioSchema }) },
  'planning.deleteScenario': { input: z.object({ id: z.string().min(1) }), output: z.object({ scenarios: z.array(scenarioListEntry) }) },
  /** Runs a stored scenario on the layer (default: the first) with the project's rates and supply; `year` keeps one year. */
  'planning.run': { input: z.object({ scenarioId: z.string().min(1), year: z.number().int().optional(), layer: layerInput }), output: scenarioRunSchema },
  /** Runs two scenarios and returns both reports and B − A per area and year. */
  'planning.compare': {
    input: z.object({ a: z.string().min(1), b: z.string().min(1), year: z.number().int().optional(), layer: layerInput }),
    output: z.object({ a: scenarioRunSchema, b: scenarioRunSchema, difference: differenceSchema }),
  },
  /**
   * Runs the scenario and stores its results as project data with quality 'projected' (variables
   * projected_population, projected_refugees, projected_demand/_supply/_gap by `kind`, all by `scenario`;
   * period 31.12. of each year), a source whose notes carry the assumptions, and absolute indicators for the
   * map. Replaces the results stored earlier for the same scenario.
   */
  'planning.storeResults': {
    input: z.object({ scenarioId: z.string().min(1), layer: layerInput }),
    output: z.object({ sourceId: z.string(), layer: z.string(), years: z.array(z.number().int()), observations: z.number().int(), indicators: z.array(z.string()) }),
  },
  /** Demand and cost rates, each with its source or assumption text: the one place where they are edited. */
  'planning.rates': { input: emptyInput, output: ratesSchema },
  'planning.setRates': { input: z.object({ demand: demandRatesSchema.optional(), costs: costRatesSchema.optional() }), output: ratesSchema },
  'planning.supply': { input: z.object({ layer: layerInput }), output: supplyListing },
  /**
   * Replaces facilities and/or staff positions and/or the catchment (km) as typed in the tables, and/or sets
   * where a kind's supply comes from: `fromData` entries name an absolute indicator (period null = its newest
   * Stichtag), or `indicator: null` for facilities and staff positions again. `restoring` (undo, redo) puts
   * settings back as they were stored, without the checks of a new choice: one that can no longer be
   * followed shows its problem again rather than refusing the undo.
   */
  'planning.setSupply': {
    input: z.object({
      fromData: z.array(z.object({ kind: infrastructureKind, indicator: z.string().min(1).nullable(), period: z.string().nullable().default(null) })).optional(),
      restoring: z.boolean().optional(),
      facilities: z.array(facilitySchema).optional(),
      staff: z.array(staffPositionsSchema).optional(),
      catchmentKm: z.number().min(0).max(50).optional(),
      catchmentMode: z.enum(CATCHMENT_MODES).optional(),
      layer: layerInput,
    }),
    output: supplyListing,
  },
  /**
   * Imports facilities from a CSV, XLSX or GeoJSON file or a point shapefile (.shp or .zip, reprojected to
   * WGS84) — columns: kind/art, name, capacity/kapazitaet, lon/lat or x/y in WGS84, or point geometries.
   * `kind` is used for rows without a kind column. The report: records read, records skipped (with the
   * problem: kind, capacity or location) and imported facilities lying outside every area (`outside`, ids).
   */
  'planning.importFacilities': {
    input: z.object({ path: z.string().min(1), kind: z.enum(FACILITY_KINDS).optional(), replace: z.boolean().default(false), layer: layerInput }),
    output: z.object({
      read: z.number().int(),
      imported: z.number().int(),
      skipped: z.array(z.object({ row: z.number().int(), problem: z.enum(SKIP_PROBLEMS), reason: localizedText })),
      outside: z.array(z.string()),
      listing: supplyListing,
    }),
  },
} as const;
