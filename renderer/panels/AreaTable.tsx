/**
 * The table of areas: name, key, value, quality flag; sortable by clicking a header. Rows and map share one
 * selection: clicking a row selects the area on the map, and the map's selection highlights (and scrolls
 * to) the row.
 *
 * A long table (Germany's 11 000 municipalities) renders only the rows in view plus a margin
 * (@tanstack/react-virtual), with spacer rows keeping the scroll height: rendering every row made each
 * hover over the map re-render 11 000 rows (150–800 ms). Short tables render every row.
 *
 * Each row is its own memoised component that follows the hover itself: a hover re-renders the row the
 * pointer left and the one it entered, not the table (which recomputed the layout of all 11 000 rows).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { formatNumber } from '../../shared/format/number';
import { localized, message, type MessageKey } from '../../shared/i18n/translate';
import type { IndicatorValue } from '../../shared/contract/api';
import type { DrawnArea } from '../../shared/mapView/drawIndicator';
import type { Locale } from '../../shared/format/number';
import type { SortColumn } from '../store/viewSlice';
import { areaRowsWithoutValues, sortAreaRows } from './areaRows';
import { useMapDrawing } from '../map/useMapDrawing';
import { useMapDisplay } from '../map/useMapSymbology';
import { isRegionValueWithheld } from '../../shared/mapView/drawIndicator';
import { overlayColumn, useOverlayShown, type OverlayColumn } from '../map/useOverlayShown';
import { readSetting } from '../../shared/settings/projectSettings';

/** Tables up to this many rows render every row; longer ones only those in view. */
const WINDOWING_THRESHOLD = 300;
// A one-line row's height in px (padding 4 + line 19 + border 1); rows are measured once rendered.
const ESTIMATED_ROW_HEIGHT = 28;

const columns: { column: SortColumn; label: MessageKey; numeric?: boolean }[] = [
  { column: 'name', label: 'table.name' },
  { column: 'key', label: 'table.key' },
  { column: 'value', label: 'table.value', numeric: true },
  { column: 'quality', label: 'table.quality' },
];

/** What the planner does to scroll the table by hand: after it, the table no longer follows the selection. */
const SCROLL_BY_HAND = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;

/**
 * Scrolls `container` just enough that `row` lies between its sticky header and its sticky footer (the
 * region row): `scrollIntoView` counts both as free space and left the row under them.
 */
function scrollClearOfStickyRows(container: HTMLElement, row: HTMLElement): void {
  // The inner box (clientTop, clientHeight): a horizontal scroll bar is not room for a row.
  const inner = container.getBoundingClientRect().top + container.clientTop;
  const top = inner + (container.querySelector('thead')?.getBoundingClientRect().height ?? 0);
  const bottom = inner + container.clientHeight - (container.querySelector('tfoot')?.getBoundingClientRect().height ?? 0);
  const box = row.getBoundingClientRect();
  if (box.top < top) container.scrollTop -= top - box.top;
  else if (box.bottom > bottom) container.scrollTop += Math.min(box.bottom - bottom, box.top - top);
}

export function AreaTable() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const indicatorValues = useKleinraum((state) => state.indicatorValues);
  // A project with boundaries only has no values to list; the table still lists its areas.
  const featuresWithoutIndicators = useKleinraum((state) => (state.project && state.project.indicators.length === 0 ? state.features : null));
  const sort = useKleinraum((state) => state.sort);
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  // While the map shows a profile or analysis result, the value column shows that result (heading, values,
  // colours and order), not the indicator the map no longer shows.
  const overlayShown = useOverlayShown();
  const shownColumn = useMemo(() => (overlayShown ? overlayColumn(overlayShown, locale) : null), [overlayShown, locale]);
  // The class colour and the suppression of each row come from the map's own drawing.
  const indicatorDrawing = useMapDrawing();
  const [display] = useMapDisplay();
  const suppressedKeys = indicatorDrawing?.drawn.suppressedKeys;
  const rows = useMemo(() => {
    if (!indicatorValues) return featuresWithoutIndicators ? sortAreaRows(areaRowsWithoutValues(featuresWithoutIndicators, message('table.noIndicators')), sort, locale) : [];
    // A withheld value sorts with the missing ones: among the shown values its place would tell how large it
    // is (which of two withheld counts under 3 is the 1).
    const withheld = new Set(suppressedKeys ?? []);
    const values = shownColumn
      ? indicatorValues.values.map((entry) => ({ ...entry, value: shownColumn.sortValue(entry.key), smallNumber: false }))
      : indicatorValues.values.map((entry) => (withheld.has(entry.key) ? { ...entry, value: null } : entry));
    return sortAreaRows(values, sort, locale);
  }, [indicatorValues, featuresWithoutIndicators, shownColumn, sort, locale, t, suppressedKeys]);
  const drawn = overlayShown?.drawing.drawn ?? indicatorDrawing?.drawn ?? null;
  const drawnByKey = useMemo(() => (drawn ? new Map(drawn.areas.map((area) => [area.key, area])) : null), [drawn]);
  const smallNumberThreshold = useKleinraum((state) => readSetting(state.project?.settings ?? {}, 'smallNumberThreshold'));
  const windowed = rows.length > WINDOWING_THRESHOLD;
  // Stable between renders of the same rows: a new function makes the virtualizer measure all rows again.
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: windowed ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 12,
    getItemKey,
  });

  // The selected row is scrolled into view when the selection changes, and again when the table then
  // shrinks: selecting an area opens the details panel below, which took the row out of view again. Not
  // when the rows are re-sorted, and no longer once the planner scrolls the table.
  const revealRef = useRef<() => void>(() => {});
  const revealFrameRef = useRef(0);
  revealRef.current = () => {
    const container = scrollRef.current;
    if (!selectedKey || !container) return;
    const rowElement = () => bodyRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(selectedKey)}"]`);
    if (windowed) {
      const index = rows.findIndex((row) => row.key === selectedKey);
      if (index < 0) return;
      // The virtualizer brings the row near; the row, once drawn, is then moved clear of the sticky rows.
      virtualizer.scrollToIndex(index, { align: 'auto' });
      cancelAnimationFrame(revealFrameRef.current);
      revealFrameRef.current = requestAnimationFrame(() => {
        const row = rowElement();
        if (row) scrollClearOfStickyRows(container, row);
      });
      return;
    }
    const row = rowElement();
    if (row) scrollClearOfStickyRows(container, row);
  };
  useEffect(() => {
    const container = scrollRef.current;
    if (!selectedKey || !container) return;
    revealRef.current();
    let following = true;
    const stopFollowing = () => {
      following = false;
    };
    const resized = new ResizeObserver(() => {
      if (following) revealRef.current();
    });
    resized.observe(container);
    for (const type of SCROLL_BY_HAND) container.addEventListener(type, stopFollowing, { passive: true });
    return () => {
      cancelAnimationFrame(revealFrameRef.current);
      resized.disconnect();
      for (const type of SCROLL_BY_HAND) container.removeEventListener(type, stopFollowing);
    };
  }, [selectedKey]);

  const virtualRows = windowed ? virtualizer.getVirtualItems() : null;
  const shownRows = virtualRows ? virtualRows.map((item) => ({ row: rows[item.index]!, index: item.index })) : rows.map((row, index) => ({ row, index }));
  const spaceAbove = virtualRows && virtualRows.length > 0 ? virtualRows[0]!.start : 0;
  const spaceBelow = virtualRows && virtualRows.length > 0 ? virtualizer.getTotalSize() - virtualRows[virtualRows.length - 1]!.end : 0;

  const decimals = indicatorValues?.indicator.decimals ?? 0;
  const unit = indicatorValues ? localized(indicatorValues.indicator.unit, locale) : '';

  return (
    <section className="panel table-panel">
      <h2 className="panel-title">
        {t('table.title')} <span className="panel-count">{formatNumber(rows.length, 0, locale)}</span>
        {overlayShown && (
          <span className="panel-shown" data-testid="table-shown">
            {' '}· {overlayShown.overlay.title}
          </span>
        )}
      </h2>
      <div className="table-scroll" ref={scrollRef}>
        <table className="area-table" data-testid="area-table">
          <thead>
            <tr>
              {columns.map(({ column, label, numeric }) => {
                const active = sort.column === column;
                return (
                  <th
                    key={column}
                    scope="col"
                    className={numeric ? 'numeric' : undefined}
                    aria-sort={active ? sort.direction : 'none'}
                  >
                    <button
                      type="button"
                      className={column === 'value' && shownColumn ? 'sort-button sort-button-wrap' : 'sort-button'}
                      data-testid={`sort-${column}`}
                      title={t('table.sortBy', { column: t(label) })}
                      onClick={() => store.getState().toggleSort(column)}
                    >
                      {column === 'value' && shownColumn ? shownColumn.heading : t(label)}
                      {column === 'value' && unit && !shownColumn ? <span className="unit"> ({unit})</span> : null}
                      <span className="sort-indicator" aria-hidden="true">
                        {active ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {spaceAbove > 0 && <tr aria-hidden="true" className="table-spacer" style={{ height: spaceAbove }} />}
            {shownRows.map(({ row, index }) => (
              <AreaRow
                key={row.key}
                row={row}
                index={index}
                measureRef={virtualRows ? virtualizer.measureElement : undefined}
                selected={row.key === selectedKey}
                drawnArea={drawnByKey?.get(row.key)}
                shownColumn={shownColumn}
                decimals={decimals}
                locale={locale}
                smallNumberThreshold={smallNumberThreshold}
              />
            ))}
            {spaceBelow > 0 && <tr aria-hidden="true" className="table-spacer" style={{ height: spaceBelow }} />}
          </tbody>
          {indicatorValues && indicatorValues.regionValue !== null && !shownColumn && (
            <tfoot>
              <tr>
                <td colSpan={2}>{t('table.region')}</td>
                <td className="numeric" data-testid="area-table-region">
                  {/* As the map's legend shows it (the map's rule): withheld where it would give a suppressed small count back. */}
                  {isRegionValueWithheld(indicatorValues.regionValue, indicatorValues.regionRevealsSmallNumbers, display.smallNumbers) ? (
                    <span className="suppressed" title={t('map.regionWithheld.title', { threshold: smallNumberThreshold })}>
                      {t('map.regionWithheld')}
                    </span>
                  ) : (
                    formatNumber(indicatorValues.regionValue, decimals, locale)
                  )}
                </td>
                <td />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}

interface AreaRowProps {
  row: IndicatorValue;
  index: number;
  /** The virtualizer's measuring ref for a windowed table; undefined when every row is rendered. */
  measureRef: ((element: HTMLTableRowElement | null) => void) | undefined;
  selected: boolean;
  /** How the map draws this area (class colour, suppression); undefined while none is drawn. */
  drawnArea: DrawnArea | undefined;
  shownColumn: OverlayColumn | null;
  decimals: number;
  locale: Locale;
  smallNumberThreshold: number;
}

/** One row; it follows the hover of its own area, so a hover re-renders two rows, never the table. */
const AreaRow = memo(function AreaRow({ row, index, measureRef, selected, drawnArea, shownColumn, decimals, locale, smallNumberThreshold }: AreaRowProps) {
  const t = useT();
  const { store } = useApp();
  const hovered = useKleinraum((state) => state.hoveredKey === row.key);
  // A row without a value has no quality to show: "keine Daten" beside "gezählt" read as a counted nothing
  // (the quality was that of the part that exists, e.g. the count without its denominator).
  // Under an overlay, the overlay's quality: the hidden indicator's would describe other data.
  const shownQuality = shownColumn ? shownColumn.quality : row.value === null && !drawnArea?.suppressed && row.quality !== 'suppressed' ? null : row.quality;
  return (
    <tr
      ref={measureRef}
      data-index={index}
      data-key={row.key}
      data-testid={`area-row-${row.key}`}
      className={[selected ? 'selected' : '', hovered ? 'hovered' : ''].join(' ')}
      aria-selected={selected}
      tabIndex={0}
      onClick={() => store.getState().selectArea(row.key)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          store.getState().selectArea(row.key);
        }
      }}
      onMouseEnter={() => store.getState().hoverArea(row.key)}
      onMouseLeave={() => store.getState().hoverArea(null)}
    >
      <td>{row.name}</td>
      <td className="mono">{row.key}</td>
      <td className={shownColumn ? 'numeric shown-text' : 'numeric'} data-testid={`area-value-${row.key}`}>
        {drawnArea && drawnArea.classIndex !== null ? <span className="table-swatch" style={{ background: drawnArea.colour }} data-colour={drawnArea.colour} aria-hidden="true" /> : null}
        {drawnArea?.suppressed ? (
          <span className="suppressed" title={t('map.legend.smallNumber.suppress', { threshold: smallNumberThreshold })}>
            •
          </span>
        ) : shownColumn ? (
          (shownColumn.text(row.key) ?? <span className="no-data">{t('tooltip.noData')}</span>)
        ) : row.value === null ? (
          <span className="no-data" title={row.missingReason ? localized(row.missingReason, locale) : undefined}>
            {t('tooltip.noData')}
          </span>
        ) : (
          formatNumber(row.value, decimals, locale)
        )}
        {row.smallNumber && !drawnArea?.suppressed && (
          <span className="small-number-flag" title={t('tooltip.smallNumber')} aria-label={t('tooltip.smallNumber')}>
            {' '}⚑
          </span>
        )}
      </td>
      <td>
        <span className={`quality quality-${shownQuality ?? 'none'}`}>{t(`quality.${shownQuality ?? 'none'}`)}</span>
      </td>
    </tr>
  );
});
