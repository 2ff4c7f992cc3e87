/**
 * The map legend: indicator, unit and Stichtag; one row per class (colour, bounds, number of areas); the
 * "keine Daten" row (hatched like the map); the small-number row (dotted outline like the map); hints for
 * absolute counts and classes fixed across periods; source lines, the synthetic label and the basemap's
 * attribution when it is shown. Built from the same choropleth as the map.
 */
import type { Ref } from 'react';
import { useT } from '../AppContext';
import type { IndicatorLegend } from '../../shared/mapView/indicatorLegend';
import { SMALL_NUMBER_OUTLINE_COLOUR } from './choropleth';

const MARK_TEST_IDS: Record<IndicatorLegend['marks'][number]['kind'], string> = {
  suppressed: 'legend-suppressed',
  flagged: 'legend-small-number',
  fallback: 'legend-fallback-source',
};

export function Legend({ legend, basemapAttribution = null, boxRef }: { legend: IndicatorLegend; basemapAttribution?: string | null; boxRef?: Ref<HTMLDivElement> }) {
  const t = useT();
  return (
    <div className="legend" ref={boxRef} data-testid="legend" role="group" aria-label={legend.title}>
      <div className="legend-title">{legend.title}</div>
      <div className="legend-subtitle">
        {[legend.unit, legend.stichtag].filter((part) => part.length > 0).join(' · ')}
      </div>
      <table className="legend-rows">
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
      {legend.regionLine && (
        <div className="legend-note" data-testid="legend-region">
          {legend.regionLine}
        </div>
      )}
      {legend.fixedClassesNote && (
        <div className="legend-note" data-testid="legend-fixed-classes">
          {legend.fixedClassesNote}
        </div>
      )}
      {legend.classCountNote && (
        <div className="legend-note" data-testid="legend-class-count">
          {legend.classCountNote}
        </div>
      )}
      {legend.areaNote && (
        <div className="legend-note" data-testid="legend-area-note">
          {legend.areaNote}
        </div>
      )}
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
      {legend.sourceChoice && (
        <div className="legend-sources legend-source-choice" data-testid="legend-source-choice">
          {legend.sourceChoice}
        </div>
      )}
      {legend.sourceLines.length > 0 && (
        <div className="legend-sources">
          {legend.sourceLines.map((line, index) => (
            <div key={line}>
              {index === 0 ? `${t(legend.sourceLines.length > 1 ? 'legend.sources' : 'legend.source')}: ` : ''}
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
    </div>
  );
}
