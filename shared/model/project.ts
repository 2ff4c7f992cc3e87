/**
 * The domain model of a Kleinraum project: areas, observations in tidy form, sources, variables and
 * indicators. Plain data, no IO. The GeoPackage storage (electron/node/storage) persists exactly these
 * shapes; the demo generator (shared/demo) produces them; the services compute views from them.
 */
import type { FlowRecord } from '../movement/flowTypes';
import type { MultiPolygon, Polygon } from 'geojson';
import type { PlanningContent } from '../planning/planningContent';

/** An area key: AGS (8 digits), ARS (12), Kreis (5) or a city-internal key such as a Stadtteil number. Always text: leading zeros matter. */
export type AreaKey = string;

/**
 * How a figure came about. Every observation carries one; everything shown from it says so.
 * - counted: an official or register count
 * - estimated: a qualified estimate
 * - projected: a scenario result
 * - synthetic: generated demo data ("Beispieldaten, synthetisch")
 * - suppressed: withheld for small-number protection or secrecy (value is null)
 */
export const QUALITY_FLAGS = ['counted', 'estimated', 'projected', 'synthetic', 'suppressed'] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

/**
 * Why a value is missing, in the terms of official statistics (GENESIS / Regionalstatistik):
 * `-` nothing (true zero reported as dash), `.` unknown or secret, `x` not sensible, `...` not yet available,
 * `/` too uncertain. A missing value is never silently a 0.
 */
export const MISSING_CODES = ['-', '.', 'x', '...', '/'] as const;
export type MissingCode = (typeof MISSING_CODES)[number];

/** Dimension values of an observation, e.g. `{ sex: 'f', age: '0-2' }`. Keys and values are stable ids, not labels. */
export type Dimensions = Readonly<Record<string, string>>;

/** One value of one variable for one area, one period and one combination of dimension values. */
export interface Observation {
  areaKey: AreaKey;
  variable: string;
  dimensions: Dimensions;
  /** Reference date (Stichtag) as ISO date `YYYY-MM-DD`. For flows (arrivals in a year) the last day of the period. */
  period: string;
  /** null when missing or suppressed; then `missing` says why. */
  value: number | null;
  missing?: MissingCode | null;
  sourceId: string;
  quality: QualityFlag;
}

/**
 * Where figures come from: shown next to every figure and printed on every export. Several sources may
 * hold values for the same variable, area and Stichtag (the register, AsylbLG statistics, a bed count …);
 * they are never summed — an indicator draws from an explicit choice of them (Variable.sources).
 */
export interface Source {
  id: string;
  name: string;
  publisher: string;
  /** Stichtag as ISO date, or null when the source does not state one. */
  stichtag: string | null;
  /** Who is counted, e.g. "Leistungsberechtigte nach AsylbLG am Stichtag, ohne anerkannte Flüchtlinge". */
  definition: string;
  /** How its figures came about (counted, estimated, projected, synthetic), as a whole. */
  quality: QualityFlag;
  licence: string;
  licenceUrl: string | null;
  /** The line to print, e.g. "© GeoBasis-DE / BKG 2021" or "Beispieldaten, synthetisch". */
  attribution: string;
  notes: string;
  /** True for generated demo data; every view that shows it labels it. */
  synthetic: boolean;
}

/** The label of generated demo data, as the demo stores it (in German, like any name a planner types). */
export const SYNTHETIC_LABEL = 'Beispieldaten, synthetisch';
/** What a synthetic demo source's name ends with, after the name of the real source it imitates. */
export const SYNTHETIC_NAME_SUFFIX = ` – ${SYNTHETIC_LABEL}`;
/** What the demo's synthetic sources add to the publisher they imitate, and their licence (stored in German). */
export const SYNTHETIC_PUBLISHER_SUFFIX = ' (nachgebildet von Kleinraum)';
export const SYNTHETIC_LICENCE = 'Generiert von Kleinraum, frei verwendbar';
/** Who computed a stored scenario's results, and what its source's name starts with (stored in German). */
export const PROJECTION_PUBLISHER = 'Kleinraum (Szenariorechnung)';
export const PROJECTION_NAME_PREFIX = 'Projektion – Szenario ';

/** Labels in the two UI languages. German first. */
export interface LocalizedText {
  de: string;
  en: string;
}

/** A dimension of a variable (e.g. age group) with its ordered values and their labels. */
export interface DimensionDefinition {
  id: string;
  name: LocalizedText;
  values: { id: string; name: LocalizedText }[];
}

export interface Variable {
  id: string;
  name: LocalizedText;
  /** Unit of the raw values, e.g. "Personen", "Plätze". */
  unit: string;
  /** Dimension ids this variable is broken down by (may be empty). */
  dimensions: string[];
  /** 'stock' values are at a Stichtag; 'flow' values sum over the period ending at the Stichtag. */
  kind: 'stock' | 'flow';
  /**
   * The sources indicators draw this variable from, in priority order ("Melderegister, sonst Zensus"):
   * per area and Stichtag the first source with a value is used; values of other sources are kept for
   * comparison but never added. Empty: every source, in the project's order (files from before sources
   * were chosen, where no two sources overlapped).
   */
  sources: string[];
}

/** A selection of observations of one variable: the dimension filter keeps rows whose dimension value is one of the listed ids; unlisted dimensions are summed over. */
export interface VariableSelection {
  variable: string;
  filter?: Record<string, string[]>;
  /** The sources to draw from, in priority order, instead of the variable's own choice. */
  sources?: string[];
}

/**
 * How an indicator is derived. value = numerator / denominator × factor, where the factor follows from `scale`:
 * per1000 → 1000, percent → 100, perKm2 → 1 with the denominator being the area in km² (geodesic, from the
 * geometry), absolute → no denominator.
 */
export interface IndicatorDefinition {
  id: string;
  name: LocalizedText;
  numerator: VariableSelection;
  denominator: VariableSelection | null;
  scale: 'absolute' | 'per1000' | 'percent' | 'perKm2';
  /** Unit as shown in legends, e.g. "je 1.000 Einw.", "%", "Personen". */
  unit: LocalizedText;
  decimals: number;
  description: LocalizedText;
}

/** A boundary layer stored as a GeoPackage feature table. */
export interface LayerInfo {
  /** The feature table name, e.g. "gemeinden". */
  name: string;
  title: LocalizedText;
  /** Attribute holding the area key (AGS or similar). */
  keyField: string;
  nameField: string;
  featureCount: number;
  /** Original CRS of the imported data, e.g. "EPSG:25832"; the stored geometry is always EPSG:4326. */
  sourceCrs: string;
  sourceId: string;
  /** Schematic (not real) boundaries, e.g. the demo's. Shown prominently. */
  schematic: boolean;
}

/**
 * Variable id of an area's official land area in km²: KFL of BKG's VG250-EW (recorded by "Amtliche Grenzen
 * laden" and the demo) or a statistics table's "Fläche". Densities (per km²) use it where an area has it and
 * fall back to the area computed from the geometry, saying so.
 */
export const OFFICIAL_AREA_VARIABLE = 'area_km2';

/**
 * Whether an indicator's unit says it measures an area (km²): such a figure is no count that grows with an
 * area's size (no hint to prefer rates) and is never shown again per km² (it would be 1,0 everywhere).
 */
export function measuresArea(unit: { de: string }): boolean {
  return unit.de === 'km²';
}

/**
 * Words of a unit or a column heading that make its values a share, rate, density or mean ("%", "Prozent",
 * "je 1.000 Einw.", "Quote", "Index", "Bevölkerungsdichte"), not a count; a year's average of a count
 * ("Arbeitslose im Jahresdurchschnitt") still adds up over areas. German and English: the import
 * recognises movement words in both (shared/movement/accountLabels.ts), so "Births per 1,000 inhabitants"
 * must read as a rate as "Geburten je 1.000 Einwohner" does.
 */
const RATE_UNIT = /%|‰|\bje\b|\bpro\b|\bper\b|prozent|promille|percent|anteil|\bshare\b|rate\b|\bratio\b|quote|quotient|index|dichte|\bdensity\b|(?<!jahres|monats)durchschnitt|mittelwert|median|\bmean\b|\baverage\b/i;

/**
 * Whether an indicator's values as recorded add up over areas, so that a region's total is their sum:
 * counts and areas do. A figure imported without a unit (values with fractions: a quotient, a rate, an
 * average, as GENESIS' Jugendquotient) or with a rate's unit ("%", "je 1.000 …") does not: summed over
 * 401 Kreise, the Jugendquotient read as a "total" of 12.313. Indicators computed from a numerator and a
 * denominator take their region's value from the two sums instead.
 * @example addsUpOverAreas({ scale: 'absolute', unit: { de: '' } }) // false
 */
export function addsUpOverAreas(indicator: { scale: string; unit: { de: string } }): boolean {
  if (indicator.scale !== 'absolute') return false;
  const unit = indicator.unit.de.trim();
  return unit !== '' && !namesRate(unit);
}

/**
 * Whether a unit or a column's heading names a share, rate or mean rather than a count.
 * @example namesRate('Jugendquotient / Insgesamt / Anzahl') // true
 */
export function namesRate(text: string): boolean {
  return RATE_UNIT.test(text);
}

/**
 * Whether a figure is an absolute count of people or things (not a share, rate or an area's size): maps,
 * legends and analyses warn that counts grow with an area's size.
 * @example showsAbsoluteCount({ scale: 'absolute', unit: { de: 'Personen' } }) // true
 */
export function showsAbsoluteCount(indicator: { scale: string; unit: { de: string } }): boolean {
  return addsUpOverAreas(indicator) && !measuresArea(indicator.unit);
}

/** An area of a layer, with its geometry in WGS84 (GeoJSON). */
export interface Area {
  key: AreaKey;
  name: string;
  geometry: Polygon | MultiPolygon;
  /**
   * The key of the area one level up (Stadtteil → Stadtbezirk → Gemeinde → Kreis), from the key's prefix
   * (AGS 03241001 → Kreis 03241) or a parent field at import; null when unknown.
   */
  parentKey?: AreaKey | null;
}

/**
 * The area key under which a source reports what it cannot assign to an area below a parent
 * ("nicht zuordenbar"), e.g. `03241#nicht-zuordenbar`. The parent's own key holds a reported total.
 * @example unassignableKey('03241') // "03241#nicht-zuordenbar"
 */
export function unassignableKey(parentKey: AreaKey): AreaKey {
  return `${parentKey}${UNASSIGNABLE_SUFFIX}`;
}
export const UNASSIGNABLE_SUFFIX = '#nicht-zuordenbar';

/** Everything a project holds, as plain data. Used to write a new project file (demo, tests). */
export interface ProjectContent {
  title: string;
  layers: { info: LayerInfo; areas: Area[] }[];
  sources: Source[];
  dimensions: DimensionDefinition[];
  variables: Variable[];
  indicators: IndicatorDefinition[];
  observations: Observation[];
  /** Project settings by key, in their current version (shared/settings/projectSettings.ts). */
  settings: Record<string, unknown>;
  /** Scenarios, rates, facilities and staff (infrastructure planning); absent = none recorded. */
  planning?: PlanningContent;
  /** Origin–destination flows (Wanderungen) between areas and external categories; absent = none. */
  flows?: FlowRecord[];
}
