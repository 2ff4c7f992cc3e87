/**
 * "Darstellung als": the indicator as defined, as index (region = 100), as change since a compare Stichtag
 * (absolute or in %), per km², or as a share of or per 1.000 of a chosen variable (the Bezugsgröße). Map,
 * legend, table, tooltip and details all follow the store's choice.
 */
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { formatDate } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';
import { dividesByVariable, INDICATOR_MODES } from '../../shared/indicators/indicatorMode';
import { availableModes, earlierPeriods, isChangeMode, denominatorsOffered, unavailableModeReason } from '../store/viewSlice';
import { SourcePicker } from './SourcePicker';

export function ModePicker() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const project = useKleinraum((state) => state.project);
  const indicatorId = useKleinraum((state) => state.indicatorId);
  const period = useKleinraum((state) => state.period);
  const mode = useKleinraum((state) => state.mode);
  const comparePeriod = useKleinraum((state) => state.comparePeriod);
  const denominatorVariable = useKleinraum((state) => state.denominatorVariable);
  if (!project) return null;
  const indicator = project.indicators.find((candidate) => candidate.id === indicatorId);
  const offered = availableModes(indicator, project);
  return (
    <div className="mode-bar" role="group" aria-label={t('map.mode.label')}>
      <label className="mode-field">
        <span>{t('map.mode.label')}</span>
        <select data-testid="mode-select" value={mode} onChange={(event) => store.getState().chooseMode(event.target.value as (typeof INDICATOR_MODES)[number])}>
          {INDICATOR_MODES.map((candidate) => {
            // A greyed choice says why it is not offered.
            const reason = offered.includes(candidate) ? null : unavailableModeReason(candidate, indicator, project);
            return (
              <option key={candidate} value={candidate} disabled={!offered.includes(candidate)}>
                {t(`map.mode.${candidate}`)}
                {reason ? ` – ${t(reason)}` : ''}
              </option>
            );
          })}
        </select>
      </label>
      {isChangeMode(mode) && (
        <label className="mode-field">
          <span>{t('map.mode.comparePeriod')}</span>
          <select data-testid="compare-period-select" value={comparePeriod ?? ''} onChange={(event) => store.getState().chooseComparePeriod(event.target.value)}>
            {[...earlierPeriods(indicator, period)].reverse().map((candidate) => (
              <option key={candidate} value={candidate}>
                {formatDate(candidate, locale)}
              </option>
            ))}
          </select>
        </label>
      )}
      {dividesByVariable(mode) && (
        <label className="mode-field">
          <span>{t('map.mode.denominator')}</span>
          <select data-testid="denominator-select" value={denominatorVariable ?? ''} onChange={(event) => store.getState().chooseDenominator(event.target.value)}>
            {denominatorsOffered(indicator, project).map((variable) => (
              <option key={variable.id} value={variable.id}>
                {localized(variable.name, locale)}
              </option>
            ))}
          </select>
        </label>
      )}
      <SourcePicker />
    </div>
  );
}
