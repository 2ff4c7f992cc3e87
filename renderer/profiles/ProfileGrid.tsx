/**
 * The small multiples: one panel per area on shared scales, in the chosen order and groups, with the
 * reference outline. Clicking a panel selects the area in the main store (map and table follow); hovering
 * highlights it everywhere. Panel drawings do not depend on selection or hover (those are CSS frames), so
 * pointer moves never redraw SVG.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useKleinraum, useT } from '../AppContext';
import type { Locale } from '../../shared/format/number';
import { orderPanels } from '../../shared/profiles/orderPanels';
import { referenceProfile } from '../../shared/profiles/profileFigure';
import type { ProfileSet, ProfileView } from '../../shared/profiles/profileTypes';
import { indicatorScaleMax, sharedScaleMax } from '../../shared/profiles/svg/panelScale';
import { standalonePanelSvg } from '../../shared/profiles/svg/profilePanelSvg';
import { profileLegendSvg, scaleDescription } from '../../shared/profiles/svg/profileGridSvg';
import { pyramidSpans } from '../../shared/profiles/svg/panelScale';
import { formatDate } from '../../shared/format/number';
import { groupColour } from '../../shared/profiles/svg/svgMarkup';
import type { PanelGrouping } from '../../shared/profiles/panelGrouping';
import type { ProfileChoices } from './profileChoices';
import { useStoredGap, type StoredGap } from './useStoredGap';
import { formatNumber } from '../../shared/format/number';

const PANEL_WIDTH = 210;
const PANEL_HEIGHT = 176;

export interface ProfileGridProps {
  set: ProfileSet;
  choices: ProfileChoices;
  view: ProfileView;
  /** Groups of panels: a typology or the classes of a key indicator; null for no groups. */
  grouping: PanelGrouping | null;
  locale: Locale;
}

export function ProfileGrid({ set, choices, view, grouping, locale }: ProfileGridProps) {
  const t = useT();
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const hoveredKey = useKleinraum((state) => state.hoveredKey);
  const selectArea = useKleinraum((state) => state.selectArea);
  const hoverArea = useKleinraum((state) => state.hoverArea);
  const storedGap = useStoredGap(view === 'indicators');

  const groups = useMemo(
    () =>
      choices.sortBy === null && !grouping && choices.filter === ''
        ? [{ group: null, areas: set.areas }]
        : orderPanels(set.areas, { sortBy: choices.sortBy, descending: choices.descending, filter: choices.filter, groupOf: grouping?.groupOf ?? null }),
    [set, choices.sortBy, choices.descending, choices.filter, grouping],
  );

  const panelSvgs = useMemo(() => {
    const reference = referenceProfile(set, choices.reference);
    const comparing = choices.reference === 'comparePeriod' && set.compareAreas !== null;
    const compareByKey = new Map((set.compareAreas ?? []).map((area) => [area.key, area]));
    // Shared scale over all areas (not only the filtered ones), so filtering never rescales the panels. In
    // absolute numbers the region (the sum of all areas) gets a scale of its own, or it would squash the rest.
    const absolute = choices.mode === 'absolute';
    const scaleProfiles = [...set.areas, ...(reference && !absolute ? [reference] : []), ...(comparing ? (set.compareAreas ?? []) : [])];
    const scaleMax = sharedScaleMax(scaleProfiles, view, choices.mode);
    const regionScaleMax = absolute ? sharedScaleMax([set.region, ...(comparing && set.compareRegion ? [set.compareRegion] : [])], view, 'absolute') : scaleMax;
    const indicatorMax = indicatorScaleMax([...set.areas, set.region]);
    const svgs = new Map<string, string>();
    for (const area of [set.region, ...set.areas]) {
      const panelReference = comparing ? (compareByKey.get(area.key) ?? (area.isRegion ? set.compareRegion : null)) : reference && reference.key !== area.key ? reference : null;
      svgs.set(
        area.key,
        standalonePanelSvg(area, {
          view,
          mode: choices.mode,
          scaleMax: area.isRegion ? regionScaleMax : scaleMax,
          indicatorMax,
          reference: panelReference,
          region: set.region,
          categories: set,
          indicators: set.indicators,
          width: PANEL_WIDTH,
          height: PANEL_HEIGHT,
          locale,
          group: grouping?.kind === 'typology' ? (grouping.groupOf[area.key] ?? null) : null,
        }),
      );
    }
    return svgs;
  }, [set, view, choices.mode, choices.reference, locale, grouping]);

  // The same legend and scale description as the exported figure: sexes, refugee part, reference outline,
  // and what the bars measure (per year of age; what the percentages are shares of).
  const legend = useMemo(() => {
    const comparing = choices.reference === 'comparePeriod' && set.comparePeriod !== null;
    const reference = comparing
      ? { name: `${locale === 'de' ? 'Stand' : 'as of'} ${formatDate(set.comparePeriod ?? '', locale)}`, isRegion: false }
      : referenceProfile(set, choices.reference);
    return { svg: profileLegendSvg(view, reference, locale), description: scaleDescription(view, choices.mode, pyramidSpans(set.region) !== null, locale) };
  }, [set, view, choices.mode, choices.reference, locale]);

  // An area selected elsewhere (map, table) scrolls into view here, so the linked panel is seen.
  const gridElement = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selectedKey === null) return;
    gridElement.current?.querySelector(`[data-testid="profile-panel-${CSS.escape(selectedKey)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey]);

  const shown = groups.reduce((sum, group) => sum + group.areas.length, 0);
  if (shown === 0) return <p className="profiles-empty">{t('profiles.empty')}</p>;

  return (
    <div className="profiles-grid-scroll" data-testid="profiles-grid" ref={gridElement}>
      <div className="profiles-legend" data-testid="profiles-legend">
        <div className="profiles-legend-swatches" dangerouslySetInnerHTML={{ __html: legend.svg }} />
        <p className="profiles-legend-scale" data-testid="profiles-scale-description">
          {legend.description}
        </p>
      </div>
      <div className="profiles-group">
        <div className="profiles-panels">
          <div className="profile-panel profile-panel-region" data-testid="profile-panel-region" dangerouslySetInnerHTML={{ __html: panelSvgs.get(set.region.key) ?? '' }} />
        </div>
      </div>
      {groups.map((group) => (
        <section className="profiles-group" key={group.group ?? 'all'} aria-label={group.group !== null ? t('profiles.typology.group', { number: group.group }) : undefined}>
          {group.group !== null && (
            <h3 className="profiles-group-title" data-testid={`profiles-group-${group.group}`}>
              <span className="profiles-group-swatch" style={{ background: groupColour(group.group) }} />
              {(() => {
                const label = grouping?.groups.find((entry) => entry.number === group.group);
                return label ? `${label.title[locale]}: ${label.description[locale]}` : t('profiles.typology.group', { number: group.group });
              })()}
            </h3>
          )}
          <div className="profiles-panels">
            {group.areas.map((area) => {
              const state = area.key === selectedKey ? ' selected' : area.key === hoveredKey ? ' hovered' : '';
              return (
                <div
                  key={area.key}
                  role="button"
                  tabIndex={0}
                  aria-pressed={area.key === selectedKey}
                  aria-label={area.name}
                  data-testid={`profile-panel-${area.key}`}
                  data-selected={area.key === selectedKey ? 'true' : 'false'}
                  className={`profile-panel${state}`}
                  onClick={() => selectArea(area.key)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault();
                      selectArea(area.key);
                    }
                  }}
                  onMouseEnter={() => hoverArea(area.key)}
                  onMouseLeave={() => hoverArea(null)}
                >
                  <div dangerouslySetInnerHTML={{ __html: panelSvgs.get(area.key) ?? '' }} />
                  {storedGap && <StoredGapLine gap={storedGap} areaKey={area.key} locale={locale} />}
                </div>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}

/** "Lücke KiTa 2025: +35 Plätze (Projektion)" under a panel, from stored scenario results. */
function StoredGapLine({ gap, areaKey, locale }: { gap: StoredGap; areaKey: string; locale: Locale }) {
  const t = useT();
  const value = gap.byArea.get(areaKey) ?? null;
  const text =
    value === null
      ? t('planning.profileGapUnknown', { year: gap.year })
      : t('planning.profileGap', { year: gap.year, value: `${value > 0 ? '+' : ''}${formatNumber(value, 0, locale)}` });
  return (
    <p className="profile-panel-gap" data-testid={`stored-gap-${areaKey}`} title={gap.indicatorName[locale]}>
      {text}
    </p>
  );
}
