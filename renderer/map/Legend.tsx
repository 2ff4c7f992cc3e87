/**
 * The map legend: indicator, unit and Stichtag; one row per class (colour, bounds, number of areas); the
 * "keine Daten" row; source lines and the synthetic label. Built from the same choropleth as the map.
 */
import { useT } from '../AppContext';
import type { LegendModel } from './choropleth';

export function Legend({ legend }: { legend: LegendModel }) {
  const t = useT();
  return (
    <div className="legend" data-testid="legend" role="group" aria-label={legend.title}>
      <div className="legend-title">{legend.title}</div>
      <div className="legend-subtitle">
        {legend.unit} · {legend.stichtag}
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
                <span className="swatch swatch-no-data" style={{ background: legend.noData.colour }} aria-hidden="true" />
              </td>
              <td className="legend-label">{legend.noData.label}</td>
              <td className="legend-count">{legend.noData.count}</td>
            </tr>
          )}
        </tbody>
      </table>
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
    </div>
  );
}
