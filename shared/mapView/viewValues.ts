/**
 * Which values a map view needs, and how they are drawn: the one place where a view's selection becomes
 * the `indicator.values` / `indicator.allPeriodValues` requests and where the shown period's values (and,
 * for classes fixed across Stichtage, the other periods' values) become the drawing. The app's map and
 * the backend's `map.classify` and figures both go through here, so they cannot ask for different values
 * or draw them differently.
 */
import type { IndicatorMode } from '../indicators/indicatorMode';
import { drawIndicator, type DrawIndicatorInput, type DrawnIndicator } from './drawIndicator';
import { normalizedDerivation, type MapViewSpec } from './mapViewSpec';

/** What a view shows, before symbology: layer, indicator, Stichtag, derivation and sources. */
export interface ViewSelection {
  layer: string;
  indicatorId: string;
  /** null: the latest Stichtag. */
  period: string | null;
  mode: IndicatorMode;
  comparePeriod: string | null;
  denominatorVariable: string | null;
  sources: readonly string[] | null;
}

/** The derivation part of a values request: only what the mode uses, nothing for defaults. */
export interface ValuesDerivation {
  mode?: IndicatorMode;
  comparePeriod?: string;
  denominatorVariable?: string;
  sources?: string[];
}

export function selectionOfView(spec: MapViewSpec & { layer: string }): ViewSelection {
  return { layer: spec.layer, indicatorId: spec.indicatorId, period: spec.period, sources: spec.sources, ...spec.derivation };
}

/** @example valuesDerivation({ …, mode: 'change', comparePeriod: '2020-12-31' }) // { mode: 'change', comparePeriod: '2020-12-31' } */
export function valuesDerivation(selection: ViewSelection): ValuesDerivation {
  const derivation = normalizedDerivation(selection.mode, { comparePeriod: selection.comparePeriod, denominatorVariable: selection.denominatorVariable });
  return {
    ...(derivation.mode !== 'value' ? { mode: derivation.mode } : {}),
    ...(derivation.comparePeriod ? { comparePeriod: derivation.comparePeriod } : {}),
    ...(derivation.denominatorVariable ? { denominatorVariable: derivation.denominatorVariable } : {}),
    ...(selection.sources ? { sources: [...selection.sources] } : {}),
  };
}

/** The `indicator.values` request of the shown Stichtag. */
export function indicatorValuesRequest(selection: ViewSelection): { indicatorId: string; layer: string; period?: string } & ValuesDerivation {
  return { indicatorId: selection.indicatorId, layer: selection.layer, ...(selection.period ? { period: selection.period } : {}), ...valuesDerivation(selection) };
}

/**
 * The `indicator.allPeriodValues` request for classes fixed across Stichtage: the same derivation at
 * every Stichtag (a chosen compare Stichtag stays the base of every change).
 */
export function allPeriodValuesRequest(selection: ViewSelection): { indicatorId: string; layer: string } & ValuesDerivation {
  return { indicatorId: selection.indicatorId, layer: selection.layer, ...valuesDerivation(selection) };
}

export interface ShownValues {
  period: string;
  values: DrawIndicatorInput['values'];
  regionValue: number | null;
  regionRevealsSmallNumbers?: boolean;
  indicator: { decimals: number };
}

/**
 * Draws the shown values as the view says. `series` holds every Stichtag's values when the classes are
 * fixed across Stichtage (the shown one is left out here), else nothing.
 * @example drawViewValues(view, shown, allPeriods.series).colours.get('03241001')
 */
export function drawViewValues(view: Pick<MapViewSpec, 'symbology' | 'smallNumbers'>, shown: ShownValues, series: readonly { period: string; values: DrawIndicatorInput['values'] }[] = []): DrawnIndicator {
  const otherPeriods = view.symbology.fixedClasses ? series.filter((entry) => entry.period !== shown.period).map((entry) => entry.values) : [];
  return drawIndicator({ values: shown.values, regionValue: shown.regionValue, regionRevealsSmallNumbers: shown.regionRevealsSmallNumbers === true, decimals: shown.indicator.decimals, symbology: view.symbology, smallNumbers: view.smallNumbers, otherPeriods });
}
