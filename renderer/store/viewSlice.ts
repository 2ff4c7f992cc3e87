/**
 * View slice: the UI language and what the map shows (layer, indicator, Stichtag) and how the table is sorted.
 */
import type { IndicatorSummary, ProjectSummaryView } from './projectTypes';
import type { Locale } from '../../shared/format/number';

export type SortColumn = 'name' | 'key' | 'value' | 'quality';
export interface TableSort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

export interface ViewSlice {
  locale: Locale;
  layerName: string | null;
  indicatorId: string | null;
  /** ISO date of the shown Stichtag; null = none available. */
  period: string | null;
  sort: TableSort;
}

export const initialViewSlice: ViewSlice = {
  locale: 'de',
  layerName: null,
  indicatorId: null,
  period: null,
  sort: { column: 'name', direction: 'ascending' },
};

/** The latest period of an indicator (periods are ascending ISO dates), or null. */
export function latestPeriod(indicator: IndicatorSummary | undefined): string | null {
  if (!indicator || indicator.periods.length === 0) return null;
  return indicator.periods[indicator.periods.length - 1] ?? null;
}

/**
 * Chooses layer, indicator and period for a (new or changed) project: keeps the current choice where the
 * project still offers it, else the project's `defaultIndicator` setting, else the first indicator; the
 * period defaults to the indicator's latest.
 * @example viewForProject(initialViewSlice, demo).indicatorId // "refugees_per_1000"
 */
export function viewForProject(view: ViewSlice, project: ProjectSummaryView): Pick<ViewSlice, 'layerName' | 'indicatorId' | 'period'> {
  const layerName = project.layers.some((layer) => layer.name === view.layerName)
    ? view.layerName
    : (project.layers[0]?.name ?? null);
  const findIndicator = (id: string | null | undefined) => (id ? project.indicators.find((indicator) => indicator.id === id) : undefined);
  const indicator = findIndicator(view.indicatorId) ?? findIndicator(project.settings['defaultIndicator']) ?? project.indicators[0];
  const period = indicator && view.period && indicator.periods.includes(view.period) ? view.period : latestPeriod(indicator);
  return { layerName, indicatorId: indicator?.id ?? null, period };
}

/**
 * Switches the indicator and keeps the Stichtag when the new indicator has it, else its latest one.
 */
export function indicatorChosen(view: ViewSlice, project: ProjectSummaryView, indicatorId: string): Pick<ViewSlice, 'indicatorId' | 'period'> {
  const indicator = project.indicators.find((candidate) => candidate.id === indicatorId);
  if (!indicator) return { indicatorId: view.indicatorId, period: view.period };
  const period = view.period && indicator.periods.includes(view.period) ? view.period : latestPeriod(indicator);
  return { indicatorId, period };
}

/** Clicking a header sorts by it ascending; clicking the sorted column again flips the direction. */
export function sortToggled(sort: TableSort, column: SortColumn): TableSort {
  if (sort.column === column) return { column, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: 'ascending' };
}
