/**
 * The map legend: indicator, unit and Stichtag; one row per class (colour, bounds, number of areas); the
 * "keine Daten" row (hatched like the map); the small-number row (dotted outline like the map); hints for
 * absolute counts and classes fixed across periods; source lines, the synthetic label and the basemap's
 * attribution when it is shown. Built from the same choropleth as the map.
 *
 * On a small map (a laptop window) the full legend covered half of it, and the region was fitted into the
 * strip beside it. There the legend is `compact`: the notes and the line naming the chosen sources fold
 * into "Quellen und Hinweise ▸"; warnings, the synthetic label and the attribution lines (which licences
 * ask to be shown with the map) stay. The planner can also fold the legend down to its title, unit and
 * Stichtag, warnings and those lines; both choices
 * hold for the session (mapUiStore). Exported figures always carry the whole legend.
 */
import { useId, type Ref } from 'react';
import { useT } from '../AppContext';
import { attributionLinesShown, type IndicatorLegend } from '../../shared/mapView/indicatorLegend';
import { SMALL_NUMBER_OUTLINE_COLOUR } from './choropleth';
import type { LegendCorner } from './fitPadding';
import { useMapUi } from './mapUiStore';

const MARK_TEST_IDS: Record<IndicatorLegend['marks'][number]['kind'], string> = {
  suppressed: 'legend-suppressed',
  flagged: 'legend-small-number',
  fallback: 'legend-fallback-source',
};

export function Legend({
  legend,
  basemapAttribution = null,
  boxRef,
  compact = false,
  corner = 'bottom-left',
}: {
  legend: IndicatorLegend;
  basemapAttribution?: string | null;
  boxRef?: Ref<HTMLDivElement>;
  /** A small map: notes and the chosen-sources line fold away until asked for. */
  compact?: boolean;
  /** The map's bottom corner it sits in. */
  corner?: LegendCorner;
}) {
  const t = useT();
  const folded = useMapUi((state) => state.legendFolded);
  const detailsWanted = useMapUi((state) => state.legendDetailsOpen);
  const hasDetails = Boolean(legend.regionLine || legend.fixedClassesNote || legend.classCountNote || legend.areaNote || legend.sourceChoice);
  const detailsShown = !compact || detailsWanted || !hasDetails;
  // Where the values come from, the synthetic label and the licences' attribution: shown however the legend is folded.
  const sourceLines = attributionLinesShown(legend, detailsShown);
  const attribution = (
    <>
      {sourceLines.length > 0 && (
        <div className="legend-sources">
          {sourceLines.map((line, index) => (
            <div key={line}>
              {index === 0 ? `${t(sourceLines.length > 1 ? 'legend.sources' : 'legend.source')}: ` : ''}
              {line}
            </div>
          ))}
        </div>
      )}
      {legend.syntheticLabel && <div className="legend-synthetic">{legend.syntheticLabel}</div>}
      {basemapAttribution && (
        <div className="legend-sources" data-testid="basemap-attribution">
          {basemapAttribution}
        </div>
      )}
    </>
  );
  const bodyId = useId();
  const header = (
    <div className="legend-header">
      <div className="legend-title">{legend.title}</div>
      <button
        type="button"
        className="legend-fold"
        data-testid="legend-fold"
        aria-expanded={!folded}
        aria-controls={bodyId}
        aria-label={t('legend.foldToggle')}
        title={t(folded ? 'legend.unfold' : 'legend.fold')}
        onClick={() => useMapUi.getState().setLegendFolded(!folded)}
      >
        <span aria-hidden="true">{folded ? '▸' : '▾'}</span>
      </button>
    </div>
  );
  const subtitle = (
    <div className="legend-subtitle">
      {[legend.unit, legend.stichtag].filter((part) => part.length > 0).join(' · ')}
    </div>
  );
  // Caveats about what the map shows as a whole: never folded away.
  const warnings = (
    <>
      {legend.warning && (
        <div className="legend-hint" data-testid="legend-warning" role="note">
          ⚠ {legend.warning}
        </div>
      )}
      {legend.absoluteHint && (
        <div className="legend-hint" data-testid="legend-absolute-hint" role="note">
          ⚠ {legend.absoluteHint}
        </div>
      )}
    </>
  );
  if (folded) {
    return (
      <div className={`legend legend-folded${corner === 'bottom-right' ? ' legend-right' : ''}`} ref={boxRef} data-testid="legend" data-folded="true" data-corner={corner} role="group" aria-label={legend.title}>
        {header}
        {subtitle}
        {warnings}
        {attribution}
      </div>
    );
  }
  return (
    <div className={corner === 'bottom-right' ? 'legend legend-right' : 'legend'} ref={boxRef} data-testid="legend" data-compact={compact ? 'true' : undefined} data-corner={corner} role="group" aria-label={legend.title}>
      {header}
      {subtitle}
      <table className="legend-rows" id={bodyId}>
        <tbody>
          {legend.rows.map((row, index) => (
            <tr key={index} data-testid={`legend-class-${index}`} data-count={row.count}>
              <td>
                <span className="swatch" style={{ background: row.colour }} aria-hidden="true" />
              </td>
              <td className="legend-label">{row.label}</td>
              <td className="legend-count" title={t('legend.classCount')}>
                {row.count}
              </td>
            </tr>
          ))}
          {legend.noData && (
            <tr data-testid="legend-no-data" data-count={legend.noData.count}>
              <td>
                <span className="swatch swatch-no-data" aria-hidden="true" />
              </td>
              <td className="legend-label">{legend.noData.label}</td>
              <td className="legend-count">{legend.noData.count}</td>
            </tr>
          )}
          {legend.marks.map((mark) => (
            <tr key={mark.kind} data-testid={MARK_TEST_IDS[mark.kind]} data-count={mark.count} className="legend-flag-row" title={mark.footnote}>
              <td>
                {mark.kind !== 'suppressed' ? (
                  <span className="swatch swatch-small-number" style={{ borderColor: SMALL_NUMBER_OUTLINE_COLOUR }} aria-hidden="true" />
                ) : (
                  <span className="swatch swatch-no-data" aria-hidden="true" />
                )}
              </td>
              <td className="legend-label">{mark.label}</td>
              <td className="legend-count">{mark.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {detailsShown && legend.regionLine && (
        <div className="legend-note" data-testid="legend-region">
          {legend.regionLine}
        </div>
      )}
      {detailsShown && legend.fixedClassesNote && (
        <div className="legend-note" data-testid="legend-fixed-classes">
          {legend.fixedClassesNote}
        </div>
      )}
      {detailsShown && legend.classCountNote && (
        <div className="legend-note" data-testid="legend-class-count">
          {legend.classCountNote}
        </div>
      )}
      {detailsShown && legend.areaNote && (
        <div className="legend-note" data-testid="legend-area-note">
          {legend.areaNote}
        </div>
      )}
      {warnings}
      {detailsShown && legend.sourceChoice && (
        <div className="legend-sources legend-source-choice" data-testid="legend-source-choice">
          {legend.sourceChoice}
        </div>
      )}
      {compact && hasDetails && (
        <button
          type="button"
          className="legend-details-toggle"
          data-testid="legend-details-toggle"
          aria-expanded={detailsShown}
          onClick={() => useMapUi.getState().setLegendDetailsOpen(!detailsShown)}
        >
          {t('legend.details')} <span aria-hidden="true">{detailsShown ? '▴' : '▸'}</span>
        </button>
      )}
      {attribution}
    </div>
  );
}
