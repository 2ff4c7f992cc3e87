/**
 * Each area against the region for one indicator, as diverging bars (index, percentage points or z-score),
 * in the grid's order. Rows are linked like the panels: click selects, hover highlights.
 */
import { useMemo, type MouseEvent } from 'react';
import { useKleinraum, useT } from '../AppContext';
import type { Locale } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';
import { deviationApplies, deviations, DEVIATION_MEASURES, type DeviationMeasure } from '../../shared/profiles/deviation';
import type { AreaProfile, ProfileSet } from '../../shared/profiles/profileTypes';
import { deviationSvg } from '../../shared/profiles/svg/deviationSvg';
import type { ProfileChoices } from './profileChoices';
import { deviationOverlay } from '../map/profileOverlays';

export interface DeviationViewProps {
  set: ProfileSet;
  areas: readonly AreaProfile[];
  choices: ProfileChoices;
  locale: Locale;
  choose: (change: Partial<ProfileChoices>) => void;
}

function keyOfEventTarget(event: MouseEvent): string | null {
  const row = (event.target as Element).closest('[data-key]');
  return row?.getAttribute('data-key') ?? null;
}

export function DeviationView({ set, areas, choices, locale, choose }: DeviationViewProps) {
  const t = useT();
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const selectArea = useKleinraum((state) => state.selectArea);
  const hoverArea = useKleinraum((state) => state.hoverArea);
  const showMapOverlay = useKleinraum((state) => state.showMapOverlay);
  const setActiveView = useKleinraum((state) => state.setActiveView);
  const indicator = set.indicators.find((candidate) => candidate.id === choices.indicatorId) ?? set.indicators[0];
  const applies = indicator ? deviationApplies(indicator, choices.measure) : false;
  const svg = useMemo(
    () => (indicator && applies ? deviationSvg(set, indicator, deviations(areas, set.region, indicator.id, choices.measure), choices.measure, locale, selectedKey) : ''),
    [set, areas, indicator, applies, choices.measure, locale, selectedKey],
  );
  return (
    <div className="profiles-deviation" data-testid="profiles-deviation">
      <div className="profiles-subbar">
        <label className="picker">
          {t('profiles.indicator')}
          <select value={choices.indicatorId} onChange={(event) => choose({ indicatorId: event.target.value })}>
            {set.indicators.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {localized(candidate.label, locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="picker">
          {t('profiles.measure')}
          <select value={choices.measure} onChange={(event) => choose({ measure: event.target.value as DeviationMeasure })}>
            {DEVIATION_MEASURES.map((measure) => (
              <option key={measure} value={measure}>
                {t(`profiles.measure.${measure}`)}
              </option>
            ))}
          </select>
        </label>
        {indicator && applies && (
          <button
            type="button"
            className="button button-small"
            data-testid="profiles-deviation-on-map"
            onClick={() => {
              showMapOverlay((language) => deviationOverlay(set, areas, indicator, choices.measure, language));
              setActiveView('map');
            }}
          >
            {t('map.overlay.showOnMap')}
          </button>
        )}
      </div>
      {applies ? (
        <div
          className="profiles-figure"
          onClick={(event) => {
            const key = keyOfEventTarget(event);
            if (key) selectArea(key);
          }}
          onMouseOver={(event) => hoverArea(keyOfEventTarget(event))}
          onMouseLeave={() => hoverArea(null)}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      ) : (
        <p className="profiles-empty">{t('profiles.measure.notApplicable')}</p>
      )}
    </div>
  );
}
