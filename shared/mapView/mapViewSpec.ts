/**
 * The map view spec: everything that says how an indicator is drawn — which indicator from which
 * sources, derived how, on which layer and Stichtag, classified and coloured how, labelled how, and how
 * small numbers are shown. One versioned, typed description shared by the map, the table, the legend,
 * `kleinraum classify`, `kleinraum export-map`, the export dialog and the other views' figures, so a
 * new map option is added here, in `drawIndicator` and in its one UI control.
 *
 * A request may give only part of a spec (`MapViewRequest`); `resolveMapView` completes it from the
 * project's saved view and the symbology remembered for the indicator, so the command line draws what the
 * user last saw.
 */
import { z } from 'zod';
import { dividesByVariable, INDICATOR_MODES, type IndicatorMode } from '../indicators/indicatorMode';
import { defaultSymbologyFor, mapSymbologySchema, symbologySubject, withValidChoices, type MapSymbology } from './mapSymbology';

export const MAP_VIEW_SPEC_VERSION = 1;

export const LABEL_MODES = ['off', 'names', 'namesAndValues'] as const;
export type LabelMode = (typeof LABEL_MODES)[number];

/**
 * How counts below the project's small-number threshold are shown: 'flag' draws the value and marks it
 * (hatched outline, "Wert unsicher"); 'suppress' withholds it (no value, no class, "nicht ausgewiesen").
 */
export const SMALL_NUMBER_DISPLAYS = ['flag', 'suppress'] as const;
export type SmallNumberDisplay = (typeof SMALL_NUMBER_DISPLAYS)[number];

export const derivationSchema = z.object({
  mode: z.enum(INDICATOR_MODES),
  /** Base Stichtag of change/changePercent (ISO date); null: the Stichtag before the shown one. */
  comparePeriod: z.string().nullable(),
  /** Variable the numerator is divided by (percentOf, per1000Of); null for other modes. */
  denominatorVariable: z.string().nullable(),
});
export type Derivation = z.output<typeof derivationSchema>;

export const mapViewSpecSchema = z.object({
  version: z.literal(MAP_VIEW_SPEC_VERSION),
  /** Boundary layer; null: the project's first. */
  layer: z.string().nullable(),
  indicatorId: z.string().min(1),
  /** Stichtag (ISO date); null: the latest the indicator has. */
  period: z.string().nullable(),
  /**
   * Which sources the values come from: null for the indicator's own choice, one source id, or several
   * in priority order ("Melderegister, sonst Zensus"): for each area the first source that has a value.
   */
  sources: z.array(z.string().min(1)).min(1).nullable(),
  derivation: derivationSchema,
  symbology: mapSymbologySchema,
  labels: z.enum(LABEL_MODES),
  smallNumbers: z.enum(SMALL_NUMBER_DISPLAYS),
});
export type MapViewSpec = z.output<typeof mapViewSpecSchema>;

/** A request's view: any part of a spec, symbology fields one by one. */
export const mapViewRequestSchema = mapViewSpecSchema
  .omit({ version: true, symbology: true, derivation: true })
  .partial()
  .extend({ symbology: mapSymbologySchema.partial().optional(), derivation: derivationSchema.partial().optional() });
export type MapViewRequest = z.output<typeof mapViewRequestSchema>;

const DEFAULT_DERIVATION: Derivation = { mode: 'value', comparePeriod: null, denominatorVariable: null };

/** What `resolveMapView` reads from the project. */
export interface SavedMapViews {
  /** The view the user last saw (setting `map.view`), if saved. */
  view: MapViewSpec | null;
  /** The symbology remembered for a subject (setting family `map.symbology.`). */
  symbologyFor(subject: string): MapSymbology | undefined;
  /** The project's default indicator, used when neither request nor saved view names one. */
  defaultIndicatorId: string | null;
}

/**
 * Completes a request: what it gives wins; for the indicator the user last looked at, the rest of the saved
 * view applies (derivation, Stichtag, sources, labels); the symbology is the one remembered for the
 * indicator in its derivation, else that derivation's default. Returns null when no indicator is known.
 * @example resolveMapView({ indicatorId: 'foreign_share' }, saved)?.symbology.method // the method the user chose for it, e.g. "jenks"
 */
export function resolveMapView(request: MapViewRequest, saved: SavedMapViews): MapViewSpec | null {
  const indicatorId = request.indicatorId ?? saved.view?.indicatorId ?? saved.defaultIndicatorId;
  if (!indicatorId) return null;
  const sameIndicator = saved.view !== null && saved.view.indicatorId === indicatorId;
  const base = sameIndicator ? saved.view : null;
  const merged: Derivation = { ...(base?.derivation ?? DEFAULT_DERIVATION), ...stripUndefined(request.derivation ?? {}) };
  const derivation = normalizedDerivation(merged.mode, merged);
  const symbologyBase = (base && base.derivation.mode === derivation.mode ? base.symbology : undefined) ?? saved.symbologyFor(symbologySubject(indicatorId, derivation.mode)) ?? defaultSymbologyFor(derivation.mode);
  const symbology = withValidChoices({ ...symbologyBase, ...stripUndefined(request.symbology ?? {}) });
  return {
    version: MAP_VIEW_SPEC_VERSION,
    layer: request.layer ?? base?.layer ?? saved.view?.layer ?? null,
    indicatorId,
    period: request.period !== undefined ? request.period : (base?.period ?? null),
    sources: request.sources !== undefined ? request.sources : (base?.sources ?? null),
    derivation,
    symbology,
    labels: request.labels ?? saved.view?.labels ?? 'names',
    smallNumbers: request.smallNumbers ?? saved.view?.smallNumbers ?? 'suppress',
  };
}

/** The mode of a view, with the compare period and denominator only where the mode uses them. */
export function normalizedDerivation(mode: IndicatorMode, derivation: Partial<Derivation>): Derivation {
  return {
    mode,
    comparePeriod: mode === 'change' || mode === 'changePercent' ? (derivation.comparePeriod ?? null) : null,
    denominatorVariable: dividesByVariable(mode) ? (derivation.denominatorVariable ?? null) : null,
  };
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
