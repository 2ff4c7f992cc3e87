/**
 * Details of the selected area: name, AGS, area in km², every indicator with the area's and the region's
 * value, and the sources with their Stichtag.
 */
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { formatDate, formatNumber } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';
import { shownUnit } from '../../shared/indicators/indicatorLabel';
import { sourceNameIn } from '../../shared/sources/sourceChoiceLine';
import { readSetting } from '../../shared/settings/projectSettings';
import { useMapDisplay } from '../map/useMapSymbology';
import { isRegionValueWithheld, isWithheldValue } from '../../shared/mapView/drawIndicator';

export function DetailsPanel() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const details = useKleinraum((state) => state.areaDetails);
  const project = useKleinraum((state) => state.project);
  /** A source's date: its Stichtag, else the Stichtage of its values (a register's series has many). */
  // A series says it is one ("2 Stichtage, 31.12.2023 – 31.12.2024"), also when the source's own Stichtag
  // is its latest: that alone read as if the earlier values were gone.
  const sourceDates = (sourceId: string, stichtag: string | null): string => {
    const periods = [...new Set((project?.variables ?? []).flatMap((variable) => variable.availableSources.find((entry) => entry.id === sourceId)?.periods ?? []))].sort();
    if (periods.length > 1) return t('details.series', { count: String(periods.length), from: formatDate(periods[0]!, locale), to: formatDate(periods[periods.length - 1]!, locale) });
    const only = stichtag ?? periods[0];
    return only ? t('details.stichtag', { date: formatDate(only, locale) }) : t('details.noStichtag');
  };
  // In a derived mode (index, change …) the details also show what the map shows for this area.
  const shown = useKleinraum((state) => (state.mode !== 'value' ? state.indicatorValues : null));
  const shownValue = shown && selectedKey ? shown.values.find((entry) => entry.key === selectedKey) : undefined;
  // Where the map withholds small counts, so do the details (the map's own rule): the exact count one
  // click away undid it.
  const [display] = useMapDisplay();
  const threshold = readSetting(project?.settings ?? {}, 'smallNumberThreshold');
  const withheldValue = (
    <span className="suppressed" data-testid="details-withheld" title={t('map.legend.smallNumber.suppress', { threshold })}>
      {t('details.withheld')}
    </span>
  );

  if (!selectedKey) {
    return (
      <section className="panel details-panel" data-testid="details-panel">
        <h2 className="panel-title">{t('details.title')}</h2>
        <p className="panel-empty">{t('details.empty')}</p>
      </section>
    );
  }
  return (
    <section className="panel details-panel" data-testid="details-panel" aria-live="polite">
      <div className="details-header">
        <h2 className="panel-title">{details?.name ?? selectedKey}</h2>
        <button type="button" className="icon-button" aria-label={t('details.close')} title={t('details.close')} onClick={() => store.getState().clearSelection()}>
          ×
        </button>
      </div>
      {!details ? (
        <p className="panel-empty">{t('details.loading')}</p>
      ) : (
        <>
          <dl className="details-facts">
            <dt>{t('details.ags')}</dt>
            <dd className="mono">{details.key}</dd>
            <dt>{t('details.area')}</dt>
            <dd data-testid="details-area">
              {details.officialAreaKm2 != null
                ? t('details.areaOfficial', { value: formatNumber(details.officialAreaKm2, 2, locale) })
                : t('details.areaGeometry', { value: formatNumber(details.areaKm2, 1, locale) })}
            </dd>
            <dt>{t('picker.period')}</dt>
            <dd>{formatDate(details.period, locale)}</dd>
            {shown && shownValue && (
              <>
                <dt>{localized(shown.indicator.name, locale)}</dt>
                <dd data-testid="details-shown-value">
                  {isWithheldValue(shownValue, display.smallNumbers)
                    ? withheldValue
                    : shownValue.value === null
                      ? t('tooltip.noData')
                      : `${formatNumber(shownValue.value, shown.indicator.decimals, locale)} ${localized(shown.indicator.unit, locale)}`}
                </dd>
              </>
            )}
          </dl>
          <table className="details-indicators">
            <thead>
              <tr>
                <th scope="col">{t('details.indicator')}</th>
                <th scope="col" className="numeric">{t('details.value')}</th>
                <th scope="col" className="numeric">{t('details.regionValue')}</th>
              </tr>
            </thead>
            <tbody>
              {details.indicators.map((indicator) => {
                const name = localized(indicator.name, locale);
                // Not "Kinder 0–5 Jahre (Kinder)": the same rule as every other indicator label.
                const unit = shownUnit(name, localized(indicator.unit, locale));
                return (
                  <tr key={indicator.id}>
                    <th scope="row">
                      {name}
                      {unit !== null && <span className="unit"> ({unit})</span>}
                    </th>
                    <td className="numeric">
                      {indicator.value.value === null ? (
                        <span className="no-data" title={indicator.value.missingReason ? localized(indicator.value.missingReason, locale) : undefined}>{t('tooltip.noData')}</span>
                      ) : isWithheldValue(indicator.value, display.smallNumbers) ? (
                        withheldValue
                      ) : (
                        formatNumber(indicator.value.value, indicator.decimals, locale)
                      )}
                      {indicator.value.smallNumber && display.smallNumbers !== 'suppress' && <span title={t('tooltip.smallNumber')}> ⚑</span>}
                    </td>
                    <td className="numeric muted">
                      {indicator.regionValue === null ? (
                        '–'
                      ) : isRegionValueWithheld(indicator.regionValue, indicator.regionRevealsSmallNumbers, display.smallNumbers) ? (
                        <span className="suppressed" title={t('map.regionWithheld.title', { threshold })}>
                          {t('map.regionWithheld')}
                        </span>
                      ) : (
                        formatNumber(indicator.regionValue, indicator.decimals, locale)
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h3 className="details-subtitle">{t('details.sources')}</h3>
          <ul className="details-sources">
            {details.sources.map((source) => (
              <li key={source.id}>
                <span className="source-name">{sourceNameIn(source.name, locale)}</span>
                <span className="source-meta">
                  {sourceDates(source.id, source.stichtag)}
                  {source.attribution ? ` · ${sourceNameIn(source.attribution, locale)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
