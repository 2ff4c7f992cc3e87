/**
 * The check report of a boundary preview in plain words: how many areas, which key, what was filtered out,
 * which geometries were invalid (each listed, repaired or not) and which keys had several parts.
 */
import { useLocale, useT } from '../AppContext';
import { formatNumber } from '../../shared/format/number';
import type { BoundaryPreview } from '../../shared/contract/methods/import';
import { withoutCliHint } from '../../shared/contract/errors';
import type { MessageKey } from '../../shared/i18n/translate';

/**
 * @param shownLayerName the layer name as now typed: the preview's notes on its proposed name (already taken,
 *   or a foreign table's) no longer apply once the planner gave another one.
 */
/** Preview notes about the proposed layer name (as the command line's import document drops them too). */
const LAYER_NAME_WARNINGS = new Set(['foreign-table-name', 'layer-exists']);

export function BoundaryReportView({ preview, shownLayerName }: { preview: BoundaryPreview; shownLayerName: string | null }) {
  const t = useT();
  const locale = useLocale();
  const { report } = preview;
  const count = (value: number) => formatNumber(value, 0, locale);
  const filtered = report.filteredOut;
  const anyFiltered = filtered.byKeyPrefix + filtered.byMissingAttributes + filtered.withoutKey + filtered.withoutGeometry > 0;
  return (
    <div className="import-report" data-testid="import-boundary-report">
      <h3>{t('import.reportTitle')}</h3>
      <ul>
        <li data-testid="import-area-count">{t('import.reportFeatures', { features: count(report.featureCount), areas: count(report.areaCount) })}</li>
        <li>{t(report.keyDerivation === 'ags-from-ars' ? 'import.reportKeyFromArs' : 'import.reportKey', { field: report.keyField })}</li>
        {/* Without a name field the areas are named by their keys until a table brings names: say so now. */}
        <li data-testid="import-name-source" className={report.nameField ? undefined : 'import-warning-line'}>
          {report.nameField ? t('import.reportName', { field: report.nameField }) : t('import.reportNoName')}
        </li>
        <li>{t('import.crsDetected', { crs: `${report.crs.used}` })}</li>
        {anyFiltered && (
          <li>
            {t('import.reportFiltered', {
              prefix: count(filtered.byKeyPrefix),
              attributes: count(filtered.byMissingAttributes),
              noKey: count(filtered.withoutKey),
              noGeometry: count(filtered.withoutGeometry),
            })}
          </li>
        )}
        <li data-testid="import-invalid-geometries">
          {report.invalidGeometries.found === 0
            ? t('import.reportInvalidNone')
            : t('import.reportInvalid', { found: count(report.invalidGeometries.found), repaired: count(report.invalidGeometries.repaired) })}
          {report.invalidGeometries.list.length > 0 && (
            <ul className="import-list">
              {report.invalidGeometries.list.map((issue, index) => (
                <li key={`${issue.key}-${index}`} className={issue.repaired ? undefined : 'import-warning'}>
                  <span className="mono">{issue.key}</span> {t(`import.problem.${issue.problem}` as MessageKey)} –{' '}
                  {t(issue.repaired ? 'import.reportRepaired' : 'import.reportNotRepaired')}
                </li>
              ))}
            </ul>
          )}
        </li>
        <li data-testid="import-duplicate-keys">
          {report.duplicateKeys.length === 0 ? t('import.reportDuplicatesNone') : t('import.reportDuplicates', { count: count(report.duplicateKeys.length) })}
          {report.duplicateKeys.length > 0 && (
            <ul className="import-list">
              {report.duplicateKeys.map((duplicate) => (
                <li key={duplicate.key}>{t('import.reportDuplicateItem', { key: duplicate.key, count: count(duplicate.featureCount) })}</li>
              ))}
            </ul>
          )}
        </li>
        {report.warnings
          .filter((warning) => !LAYER_NAME_WARNINGS.has(warning.code) || shownLayerName === null || shownLayerName === preview.layerName)
          .map((warning) => (
            <li key={warning.code} className="import-warning">
              {withoutCliHint(warning.text[locale] || warning.text.de)}
            </li>
          ))}
      </ul>
      <details>
        <summary>{t('import.areasList', { count: count(preview.areas.length) })}</summary>
        <table className="import-grid">
          <tbody>
            {preview.areas.map((area) => (
              <tr key={area.key}>
                <td className="mono">{area.key}</td>
                <td>{area.name}</td>
                <td className="numeric">{formatNumber(area.areaKm2, 2, locale)} km²</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
