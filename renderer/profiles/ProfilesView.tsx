/**
 * The Profile tab: the municipalities' profiles side by side. A toolbar of choices (view, scale, period and
 * comparison, order, filter, reference, typology, export) above the small multiples, the deviation chart or
 * the A-versus-B detail. Selection and hover are the main store's, so map, table and details follow.
 */
import { useMemo, useState } from 'react';
import { toApiError } from '../api/apiError';
import { useBackend } from '../api/backend';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { formatDate, formatNumber } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';
import { orderPanels } from '../../shared/profiles/orderPanels';
import { complementaryNote } from '../../shared/profiles/profileProtection';
import { groupByIndicatorClasses, groupingFromTypology } from '../../shared/profiles/panelGrouping';
import { computeTypology, silhouetteByK, typologyStrength } from '../../shared/profiles/typology';
import { CompareView } from './CompareView';
import { DeviationView } from './DeviationView';
import { downloadBase64, exportRequest, type ProfileExportFormat } from './exportProfiles';
import { ProfileGrid } from './ProfileGrid';
import { useProfileChoices, type ProfileTabView } from './profileChoices';
import { useProfileSet } from './useProfileSet';
import { typologyOverlay } from '../map/profileOverlays';
import './profiles.css';

const TAB_VIEWS: ProfileTabView[] = ['pyramid', 'nationality', 'status', 'indicators', 'deviation', 'compare'];
const EXPORT_FORMATS: ProfileExportFormat[] = ['svg', 'png', 'pdf', 'csv', 'xlsx'];

export function ProfilesView() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const backend = useBackend();
  const choices = useProfileChoices();
  const { choose } = choices;
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const layerName = useKleinraum((state) => state.layerName);
  const { set, error } = useProfileSet(choices.period, choices.comparePeriod);
  const [exporting, setExporting] = useState(false);

  const silhouettes = useMemo(() => (set ? silhouetteByK(set) : []), [set]);
  const typology = useMemo(() => (set && choices.typologyGroups ? computeTypology(set, choices.typologyGroups) : null), [set, choices.typologyGroups]);
  const grouping = useMemo(
    () => (typology ? groupingFromTypology(typology) : set && choices.groupByIndicator ? groupByIndicatorClasses(set, choices.groupByIndicator) : null),
    [set, typology, choices.groupByIndicator],
  );
  const orderedAreas = useMemo(
    () =>
      set ? orderPanels(set.areas, { sortBy: choices.sortBy, descending: choices.descending, filter: choices.filter }).flatMap((group) => group.areas) : [],
    [set, choices.sortBy, choices.descending, choices.filter],
  );

  if (!set) {
    return error ? (
      <div className="profiles-loading" role="alert" data-testid="profiles-error">
        {localized(error, locale)}
      </div>
    ) : (
      <div className="profiles-loading">{t('profiles.loading')}</div>
    );
  }

  const runExport = async (format: ProfileExportFormat) => {
    if (!layerName) return;
    setExporting(true);
    try {
      const result = await backend.call('profiles.export', exportRequest(choices, layerName, format, locale, selectedKey));
      downloadBase64(result.fileName, result.mimeType, result.base64);
    } catch (error) {
      store.getState().showMessage(toApiError(error, 'profiles.export').text);
    } finally {
      setExporting(false);
    }
  };

  const gridView = choices.view === 'deviation' || choices.view === 'compare' ? null : choices.view;
  return (
    <div className="profiles" data-testid="profiles-view">
      {error && (
        <p className="profiles-error" role="alert" data-testid="profiles-error">
          {localized(error, locale)}
        </p>
      )}
      <div className="profiles-toolbar" role="toolbar" aria-label={t('view.profiles')}>
        <div className="profiles-views" role="radiogroup" aria-label={t('profiles.view')}>
          {TAB_VIEWS.map((view) => (
            <button
              key={view}
              type="button"
              role="radio"
              aria-checked={choices.view === view}
              data-testid={`profiles-view-${view}`}
              className={choices.view === view ? 'profiles-view-button active' : 'profiles-view-button'}
              onClick={() => choose({ view })}
            >
              {t(`profiles.view.${view}`)}
            </button>
          ))}
        </div>
        <label className="picker">
          {t('profiles.period')}
          <select value={set.period} data-testid="profiles-period" onChange={(event) => choose({ period: event.target.value })}>
            {set.periods.map((period) => (
              <option key={period} value={period}>
                {formatDate(period, locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="picker">
          {t('profiles.comparePeriod')}
          <select value={choices.comparePeriod ?? ''} data-testid="profiles-compare-period" onChange={(event) => choose({ comparePeriod: event.target.value || null })}>
            <option value="">{t('profiles.comparePeriod.none')}</option>
            {set.periods
              .filter((period) => period !== set.period)
              .map((period) => (
                <option key={period} value={period}>
                  {formatDate(period, locale)}
                </option>
              ))}
          </select>
        </label>
        {gridView && gridView !== 'indicators' && (
          <label className="picker">
            {t('profiles.scale')}
            <select value={choices.mode} data-testid="profiles-mode" onChange={(event) => choose({ mode: event.target.value === 'absolute' ? 'absolute' : 'shares' })}>
              <option value="shares">{t('profiles.scale.shares')}</option>
              <option value="absolute">{t('profiles.scale.absolute')}</option>
            </select>
          </label>
        )}
        {choices.view !== 'compare' && (
          <>
            <label className="picker">
              {t('profiles.sortBy')}
              <select value={choices.sortBy ?? ''} data-testid="profiles-sort" onChange={(event) => choose({ sortBy: event.target.value || null })}>
                <option value="">{t('profiles.sort.layer')}</option>
                <option value="name">{t('profiles.sort.name')}</option>
                {set.indicators.map((indicator) => (
                  <option key={indicator.id} value={indicator.id}>
                    {localized(indicator.label, locale)}
                  </option>
                ))}
              </select>
            </label>
            {/* The layer's own order has no direction: the box is off there, not a switch that does nothing. */}
            <label className="picker picker-inline" title={choices.sortBy === null ? t('profiles.descendingLayerOrder') : undefined}>
              <input
                type="checkbox"
                checked={choices.sortBy !== null && choices.descending}
                disabled={choices.sortBy === null}
                data-testid="profiles-descending"
                onChange={(event) => choose({ descending: event.target.checked })}
              />
              {t('profiles.descending')}
            </label>
            <label className="picker">
              {t('profiles.filter')}
              <input type="search" value={choices.filter} placeholder={t('profiles.filterPlaceholder')} data-testid="profiles-filter" onChange={(event) => choose({ filter: event.target.value })} />
            </label>
          </>
        )}
        {gridView && (
          <>
            <label className="picker">
              {t('profiles.reference')}
              <select value={choices.reference ?? ''} data-testid="profiles-reference" onChange={(event) => choose({ reference: event.target.value || null })}>
                <option value="">{t('profiles.reference.none')}</option>
                <option value="region">{t('profiles.reference.region')}</option>
                {set.comparePeriod && <option value="comparePeriod">{`${t('profiles.reference.comparePeriod')} ${formatDate(set.comparePeriod, locale)}`}</option>}
                {set.areas.map((area) => (
                  <option key={area.key} value={area.key}>
                    {area.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="picker" title={t('profiles.typology.hint')}>
              {t('profiles.typology')}
              <select
                value={choices.typologyGroups ?? ''}
                data-testid="profiles-typology"
                onChange={(event) => choose({ typologyGroups: event.target.value ? Number(event.target.value) : null, groupByIndicator: null })}
              >
                <option value="">{t('profiles.typology.none')}</option>
                {silhouettes.map(({ k, silhouette }) => (
                  <option key={k} value={k}>
                    {t('profiles.typology.option', { k, silhouette: formatNumber(silhouette, 2, locale) })} – {t(`profiles.typology.strength.${typologyStrength(silhouette)}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="picker" title={t('profiles.groupBy.hint')}>
              {t('profiles.groupBy')}
              <select
                value={choices.groupByIndicator ?? ''}
                data-testid="profiles-group-by"
                onChange={(event) => choose({ groupByIndicator: event.target.value || null, typologyGroups: null })}
              >
                <option value="">{t('profiles.groupBy.none')}</option>
                {set.indicators.map((indicator) => (
                  <option key={indicator.id} value={indicator.id}>
                    {localized(indicator.label, locale)}
                  </option>
                ))}
              </select>
            </label>
            {typology && typologyStrength(typology.silhouette) !== 'clear' && (
              <span className="profiles-typology-warning" role="note" data-testid="profiles-typology-warning">
                ⚠ {t(typologyStrength(typology.silhouette) === 'none' ? 'map.overlay.typologyNoStructure' : 'map.overlay.typologyWeak', { silhouette: formatNumber(typology.silhouette, 2, locale) })}
              </span>
            )}
            {typology && (
              <button
                type="button"
                className="button button-small"
                data-testid="profiles-typology-on-map"
                onClick={() => {
                  store.getState().showMapOverlay((language) => typologyOverlay(set, typology, language));
                  store.getState().setActiveView('map');
                }}
              >
                {t('map.overlay.showOnMap')}
              </button>
            )}
          </>
        )}
        <div className="profiles-export">
          <span className="picker-label">{t('profiles.export')}</span>
          {EXPORT_FORMATS.map((format) => (
            <button key={format} type="button" className="button button-small" disabled={exporting} data-testid={`profiles-export-${format}`} onClick={() => void runExport(format)}>
              {format.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
      <div className="profiles-body">
        {gridView && <ProfileGrid set={set} choices={choices} view={gridView} grouping={grouping} locale={locale} />}
        {choices.view === 'deviation' && <DeviationView set={set} areas={orderedAreas} choices={choices} locale={locale} choose={choose} />}
        {choices.view === 'compare' && <CompareView set={set} choices={choices} locale={locale} choose={choose} />}
      </div>
      <footer className="profiles-footer">
        <span>{localized(set.sourceLine, locale)}</span>
        <span>
          {t('profiles.suppressedNote', { threshold: set.smallNumberThreshold })}
          {complementaryNote(set, locale) ? ` ${complementaryNote(set, locale)}` : ''}
        </span>
        {typology && typology.excludedKeys.length > 0 && (
          <span>{t('profiles.typology.excluded', { names: typology.excludedKeys.map((key) => set.areas.find((area) => area.key === key)?.name ?? key).join(', ') })}</span>
        )}
        {set.synthetic && <span className="profiles-synthetic">{t('profiles.synthetic')}</span>}
        <span className="profiles-hint">{t('profiles.selectHint')}</span>
      </footer>
    </div>
  );
}
