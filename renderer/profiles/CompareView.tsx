/**
 * Two areas in detail: A drawn with B as the outline for each chart, and the indicators side by side with
 * the difference A − B. A defaults to the selected area, B to the region.
 */
import { useKleinraum, useT } from '../AppContext';
import { formatNumber, formatShownDifference, type Locale } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';
import { REGION_KEY } from '../../shared/profiles/aggregateProfiles';
import type { AreaProfile, ProfileSet, ProfileView } from '../../shared/profiles/profileTypes';
import { indicatorScaleMax, sharedScaleMax } from '../../shared/profiles/svg/panelScale';
import { profileDisplayName, standalonePanelSvg } from '../../shared/profiles/svg/profilePanelSvg';
import type { ProfileChoices } from './profileChoices';
import { shownUnit } from '../../shared/indicators/indicatorLabel';
import { differenceUnitOf } from '../../shared/profiles/profileTable';

export interface CompareViewProps {
  set: ProfileSet;
  choices: ProfileChoices;
  locale: Locale;
  choose: (change: Partial<ProfileChoices>) => void;
}

const CHART_VIEWS: ProfileView[] = ['pyramid', 'nationality', 'status'];

export function CompareView({ set, choices, locale, choose }: CompareViewProps) {
  const t = useT();
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const byKey = new Map<string, AreaProfile>([[REGION_KEY, set.region], ...set.areas.map((area) => [area.key, area] as const)]);
  const areaA = byKey.get(choices.compareA ?? selectedKey ?? '') ?? set.areas[0] ?? set.region;
  const areaB = byKey.get(choices.compareB ?? REGION_KEY) ?? set.region;
  const options = [set.region, ...set.areas];
  const picker = (label: string, value: string, field: 'compareA' | 'compareB', testId: string) => (
    <label className="picker">
      {label}
      <select value={value} data-testid={testId} onChange={(event) => choose({ [field]: event.target.value })}>
        {options.map((area) => (
          <option key={area.key} value={area.key}>
            {profileDisplayName(area, locale)}
          </option>
        ))}
      </select>
    </label>
  );
  const format = (value: number | null | undefined, decimals: number) => (value === null || value === undefined ? '–' : formatNumber(value, decimals, locale));
  return (
    <div className="profiles-compare" data-testid="profiles-compare">
      <div className="profiles-subbar">
        {picker(t('profiles.compareA'), areaA.key, 'compareA', 'profiles-compare-a')}
        {picker(t('profiles.compareB'), areaB.key, 'compareB', 'profiles-compare-b')}
      </div>
      {/* The panels are titled with A; this says which is which (B was an unnamed outline). */}
      <p className="profiles-compare-legend" data-testid="profiles-compare-legend">
        {t('profiles.compare.legend', { a: profileDisplayName(areaA, locale), b: profileDisplayName(areaB, locale) })}
      </p>
      <div className="profiles-panels">
        {CHART_VIEWS.map((view) => {
          // Shares: the fair comparison of a big and a small area; the outline is B's structure.
          const scaleMax = sharedScaleMax([areaA, areaB], view, 'shares');
          const svg = standalonePanelSvg(areaA, {
            view,
            mode: 'shares',
            scaleMax,
            indicatorMax: indicatorScaleMax([areaA, areaB]),
            reference: areaB,
            region: set.region,
            categories: set,
            indicators: set.indicators,
            width: 300,
            height: 250,
            locale,
          });
          return <div key={view} className="profile-panel profile-panel-large" dangerouslySetInnerHTML={{ __html: svg }} />;
        })}
      </div>
      <table className="profiles-compare-table">
        <thead>
          <tr>
            <th>{t('profiles.indicator')}</th>
            <th>{profileDisplayName(areaA, locale)}</th>
            <th>{profileDisplayName(areaB, locale)}</th>
            <th>{t('profiles.compare.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {set.indicators.map((indicator) => {
            const a = areaA.indicators[indicator.id] ?? null;
            const b = areaB.indicators[indicator.id] ?? null;
            const unit = localized(indicator.unit, locale);
            const differenceUnit = differenceUnitOf(indicator, locale, 'short');
            return (
              <tr key={indicator.id}>
                <td>
                  {localized(indicator.label, locale)}
                  {shownUnit(localized(indicator.label, locale), unit) !== null && <span className="profiles-unit"> ({unit})</span>}
                </td>
                <td className="number">{format(a, indicator.decimals)}</td>
                <td className="number">{format(b, indicator.decimals)}</td>
                <td className="number">
                  {a !== null && b !== null ? `${formatShownDifference(a, b, indicator.decimals, locale)} ${differenceUnit}` : '–'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

