/**
 * "Quelle": which source the shown indicator draws a variable from, for every variable of the indicator
 * that several sources hold — as set for the variable, one source only, or a priority order ("AZR, sonst
 * AsylbLG"): where the first has no value the next fills the gap (marked on the map). The choice is part
 * of the map view (store `sources`, saved with the project as `map.view`), so map, table, legend, details
 * and exports follow it.
 */
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { toApiError } from '../api/apiError';
import { useBackend } from '../api/backend';
import { formatDate, formatLatestDates, type Locale } from '../../shared/format/number';
import { localized, message, translate } from '../../shared/i18n/translate';
import { indicatorSourceChoices, priorityText, seriesEntries, shortSourceName, sourceSeries } from '../../shared/sources/sourceChoiceLine';

/**
 * The orders offered for a variable: each source alone, then each source first with the others after it
 * in the variable's own order. A series (one table imported per Stichtag, see sourceSeries) is one choice:
 * its imports stay together, since "2018's file, sonst 2021's file" orders nothing.
 * @example offeredOrders(['reg2018', 'reg2021', 'zensus'], ['reg2018', 'reg2021', 'zensus'], seriesOf) // [['reg2018', 'reg2021'], ['zensus'], ['reg2018', 'reg2021', 'zensus'], ['zensus', 'reg2018', 'reg2021']]
 */
export function offeredOrders(own: readonly string[], holding: readonly string[], seriesOf: (sourceId: string) => string = (sourceId) => sourceId): string[][] {
  const ordered = [...own.filter((id) => holding.includes(id)), ...holding.filter((id) => !own.includes(id))];
  const groups = new Map<string, string[]>();
  for (const id of ordered) groups.set(seriesOf(id), [...(groups.get(seriesOf(id)) ?? []), id]);
  const units = [...groups.values()];
  const orders = units.length > 1 ? units.map((unit) => [...unit, ...units.filter((other) => other !== unit).flat()]) : [];
  return [...units, ...orders];
}

export function SourcePicker() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const backend = useBackend();
  const project = useKleinraum((state) => state.project);
  const indicatorId = useKleinraum((state) => state.indicatorId);
  const layerName = useKleinraum((state) => state.layerName);
  const viewSources = useKleinraum((state) => state.sources);
  if (!project || !indicatorId || !layerName) return null;
  const indicator = project.indicators.find((candidate) => candidate.id === indicatorId);
  // Two imports of one table, one per Stichtag, are one series, not a choice: a variable held only by such
  // a series gets no picker ("2018's file, sonst 2021's file" orders nothing).
  const own = indicatorSourceChoices(project, indicator?.variables ?? [], null).filter((choice) => choice.holdingSeries > 1);
  if (own.length === 0) return null;
  const names = new Map(project.sources.map((source) => [source.id, source.name]));
  const seriesOf = sourceSeries(project.sources);
  // Each series once, without its files' names ("Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4").
  const named = (ids: readonly string[]) => seriesEntries(ids.map((id) => ({ id, name: names.get(id) ?? id })));
  const optionText = (order: readonly string[]) => {
    const entries = named(order);
    return entries.length === 1 ? t('map.sources.only', { name: shortSourceName(entries[0]!.name) }) : priorityText(entries, locale);
  };

  const choose = async (variableId: string, order: string[] | null) => {
    const holding = new Set(project.variables.find((variable) => variable.id === variableId)?.availableSources.map((entry) => entry.id) ?? []);
    const others = (viewSources ?? []).filter((id) => !holding.has(id));
    const sources = [...(order ?? []), ...others];
    const chosen = sources.length > 0 ? sources : null;
    try {
      // The Stichtage the new choice has values for (sourcesChosen decides which one is shown). A choice
      // without any is refused by the backend, with its message.
      const answer = await backend.call('indicator.values', { indicatorId, layer: layerName, ...(chosen ? { sources: chosen } : {}) });
      const periods = answer.indicator.periods;
      const { period: shown, mode: modeBefore } = store.getState();
      store.getState().chooseSources(chosen, periods);
      const { period: now, periodBeforeSources, mode: modeNow } = store.getState();
      // A change needs an earlier Stichtag: a source of one date shows the values instead, and says so.
      if (modeNow !== modeBefore && now) {
        const text = message('map.sources.modeReplaced', (language) => ({ mode: translate(language, `map.mode.${modeBefore}`), date: formatDate(now, language) }));
        store.getState().showNotice(message('map.sources.modeReplacedTitle'), text);
        return;
      }
      // A Stichtag never changes silently: say why, and which Stichtag comes back (see sourcesChosen).
      if (shown && now && now !== shown && !periods.includes(shown)) {
        const name = (language: Locale) => (indicator ? localized(indicator.name, language) : indicatorId);
        const text = message('map.sources.periodReplaced', (language) => ({
          indicator: name(language),
          from: formatDate(shown, language),
          to: formatDate(now, language),
          dates: formatLatestDates(periods, language),
          back: formatDate(periodBeforeSources ?? shown, language),
        }));
        store.getState().showNotice(message('map.sources.periodReplacedTitle'), text);
      }
    } catch (error) {
      store.getState().showMessage(toApiError(error, 'indicator.values').text);
    }
  };

  return (
    <>
      {own.map((choice) => {
        const holding = project.variables.find((variable) => variable.id === choice.variable)?.availableSources.map((entry) => entry.id) ?? [];
        const current = (viewSources ?? []).filter((id) => holding.includes(id));
        const orders = offeredOrders(choice.sources.map((source) => source.id), holding, seriesOf);
        const value = current.length > 0 ? JSON.stringify(current) : '';
        const known = value === '' || orders.some((order) => JSON.stringify(order) === value);
        return (
          <label key={choice.variable} className="mode-field" title={t('map.sources.hint')}>
            <span>
              {t('map.sources.label')}
              {own.length > 1 ? ` ${localized(choice.name, locale)}` : ''}
            </span>
            <select
              data-testid={`source-select-${choice.variable}`}
              className="source-select"
              value={value}
              onChange={(event) => void choose(choice.variable, event.target.value ? (JSON.parse(event.target.value) as string[]) : null)}
            >
              <option value="">{t('map.sources.own', { names: priorityText(named(choice.sources.map((source) => source.id)), locale) })}</option>
              {!known && <option value={value}>{priorityText(named(current), locale)}</option>}
              {orders.map((order) => (
                <option key={JSON.stringify(order)} value={JSON.stringify(order)}>
                  {optionText(order)}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </>
  );
}
