/**
 * The data behind each view as a table (one row per area and category, region last), for CSV and XLSX
 * exports. Suppressed cells are empty with the official code "." in a flag column, never 0.
 */
import { formatDate, type Locale } from '../format/number';
import { localized, translate } from '../i18n/translate';
import type { AreaProfile, ProfileIndicatorDefinition, ProfileSet, ProfileView } from './profileTypes';

import type { DataTable, TableValue } from '../export/dataTable';
import { indicatorLabel } from '../indicators/indicatorLabel';
import { profileDisplayName } from './svg/profilePanelSvg';
import { complementaryNote } from './profileProtection';
import { roundForDisplay, shownDifference } from '../format/number';

export type ProfileTable = DataTable;

/**
 * @example profileTable(set, set.areas, 'status', 'de').columns // ['Schlüssel', 'Gebiet', 'Stichtag', 'Schutzstatus', 'Anzahl', 'Anteil %', 'Kennzeichen']
 */
export function profileTable(set: ProfileSet, areas: readonly AreaProfile[], view: ProfileView, locale: Locale): ProfileTable {
  const de = locale === 'de';
  const profiles = [...areas, set.region];
  const stichtag = formatDate(set.period, locale);
  const base = [de ? 'Schlüssel' : 'Key', de ? 'Gebiet' : 'Area', de ? 'Stichtag' : 'Reference date'];
  const flag = (suppressed: boolean): string | null => (suppressed ? '.' : null);
  let columns: string[];
  const rows: TableValue[][] = [];
  if (view === 'pyramid') {
    columns = [...base, de ? 'Altersgruppe' : 'Age group', de ? 'Geschlecht' : 'Sex', de ? 'Bevölkerung' : 'Population', de ? 'Anteil %' : 'Share %', de ? 'darunter Schutzsuchende' : 'of which seeking protection', de ? 'Anteil Schutzsuchende %' : 'Share seeking protection %', de ? 'Kennzeichen' : 'Flag'];
    for (const profile of profiles) {
      profile.pyramid.forEach((row, index) => {
        const ageLabel = localized(set.ageGroups[index]?.label ?? { de: row.ageGroup, en: row.ageGroup }, locale);
        for (const [sex, cell, refugees] of [
          [de ? 'männlich' : 'male', row.male, row.refugeesMale],
          [de ? 'weiblich' : 'female', row.female, row.refugeesFemale],
        ] as const) {
          rows.push([profile.key, profile.name, stichtag, ageLabel, sex, cell.count, cell.share, refugees.count, refugees.share, flag(cell.suppressed || refugees.suppressed)]);
        }
      });
    }
  } else if (view === 'nationality' || view === 'status') {
    const categories = view === 'nationality' ? set.nationalities : set.statuses;
    columns = [...base, view === 'nationality' ? (de ? 'Staatsangehörigkeit' : 'Nationality') : de ? 'Schutzstatus' : 'Protection status', de ? 'Anzahl' : 'Count', de ? 'Anteil %' : 'Share %', de ? 'Kennzeichen' : 'Flag'];
    for (const profile of profiles) {
      const cells = view === 'nationality' ? profile.nationality : profile.status;
      cells.forEach((cell, index) => {
        const category = categories[index];
        rows.push([profile.key, profile.name, stichtag, category ? localized(category.label, locale) : '', cell.count, cell.share, flag(cell.suppressed)]);
      });
    }
  } else {
    columns = [...base, ...set.indicators.map((indicator) => indicatorLabel(localized(indicator.label, locale), localized(indicator.unit, locale)))];
    for (const profile of profiles) rows.push([profile.key, profile.name, stichtag, ...set.indicators.map((indicator) => profile.indicators[indicator.id] ?? null)]);
  }
  const complementary = complementaryNote(set, locale);
  const notes = [localized(set.sourceLine, locale), `${de ? `„.“ = unterdrückt (Fallzahl unter ${set.smallNumberThreshold}).` : `"." = suppressed (count below ${set.smallNumberThreshold}).`}${complementary ? ` ${complementary}` : ''}`];
  if (set.synthetic) notes.push(translate(locale, 'badge.synthetic'));
  return { columns, rows, notes };
}

/**
 * "A gegen B" as a table: one row per indicator with A, B and A − B (of the values as shown, in percentage
 * points for shares), as the Profile tab shows it.
 * @example compareTable(set, hannover, garbsen, 'de').columns // ['Kennzahl', 'Hannover', 'Garbsen', 'A − B', 'Einheit der Differenz']
 */
export function compareTable(set: ProfileSet, a: AreaProfile, b: AreaProfile, locale: Locale): ProfileTable {
  const de = locale === 'de';
  const columns = [de ? 'Kennzahl' : 'Indicator', profileDisplayName(a, locale), profileDisplayName(b, locale), 'A − B', de ? 'Einheit der Differenz' : 'Unit of the difference'];
  const rows: TableValue[][] = set.indicators.map((indicator) => {
    const valueA = a.indicators[indicator.id] ?? null;
    const valueB = b.indicators[indicator.id] ?? null;
    const unit = localized(indicator.unit, locale);
    const differenceUnit = differenceUnitOf(indicator, locale, 'long');
    // A, B and A − B as the tab shows them (rounded to the indicator's decimals), so the row adds up.
    const shown = (value: number | null) => (value === null ? null : roundForDisplay(value, indicator.decimals));
    const difference = valueA === null || valueB === null ? null : shownDifference(valueA, valueB, indicator.decimals);
    return [indicatorLabel(localized(indicator.label, locale), unit), shown(valueA), shown(valueB), difference, differenceUnit];
  });
  const stichtag = formatDate(set.period, locale);
  const notes = [
    localized(set.sourceLine, locale),
    de ? `A: ${profileDisplayName(a, locale)}, B: ${profileDisplayName(b, locale)}, Stichtag ${stichtag}. Leer = nicht verfügbar oder unterdrückt (Fallzahl unter ${set.smallNumberThreshold} oder zu deren Schutz).` : `A: ${profileDisplayName(a, locale)}, B: ${profileDisplayName(b, locale)}, reference date ${stichtag}. Empty = not available or suppressed (count below ${set.smallNumberThreshold}, or protecting one).`,
  ];
  if (set.synthetic) notes.push(translate(locale, 'badge.synthetic'));
  return { columns, rows, notes };
}

/**
 * The unit of A − B of a profile indicator: percentage points for shares and changes, else its own unit.
 * @example differenceUnitOf({ kind: 'percent', unit }, 'de', 'short') // "Pp."
 */
export function differenceUnitOf(indicator: Pick<ProfileIndicatorDefinition, 'kind' | 'unit'>, locale: Locale, length: 'short' | 'long'): string {
  if (indicator.kind === 'percent' || indicator.kind === 'change') {
    if (length === 'long') return locale === 'de' ? 'Prozentpunkte' : 'percentage points';
    return locale === 'de' ? 'Pp.' : 'pp';
  }
  return localized(indicator.unit, locale);
}
