/**
 * How the small multiples are grouped: by a typology (shared/profiles/typology.ts) or by the classes of a
 * key indicator (low / medium / high thirds), so planners see which municipalities sit together on the
 * indicator they care about. Both give the same shape, which the grid and its export draw.
 */
import { classify } from '../classification/classify';
import { formatNumber } from '../format/number';
import type { LocalizedText } from '../model/project';
import type { ProfileSet } from './profileTypes';
import type { Typology } from './typology';

export interface PanelGroupLabel {
  /** 1-based group number as shown to users. */
  number: number;
  /** e.g. "Typ 2" or "Hoch". */
  title: LocalizedText;
  /** What the group stands for, e.g. "höherer Anteil unter 18 Jahre" or "25,7 bis 37,4 je 1.000 Einw.". */
  description: LocalizedText;
}

export interface PanelGrouping {
  /** A typology's groups are named "Typ n" inside the panels too; indicator classes only in the headings. */
  kind: 'typology' | 'indicatorClasses';
  /** Group number per area key; areas without a value are in no group (shown last, ungrouped). */
  groupOf: Record<string, number>;
  groups: PanelGroupLabel[];
}

/** The typology's groups as a panel grouping ("Typ 1: …"). */
export function groupingFromTypology(typology: Typology): PanelGrouping {
  return {
    kind: 'typology',
    groupOf: typology.groupOf,
    groups: typology.groups.map((group) => ({
      number: group.number,
      title: { de: `Typ ${group.number}`, en: `Type ${group.number}` },
      description: group.description,
    })),
  };
}

const THIRD_TITLES: LocalizedText[] = [
  { de: 'Niedrig', en: 'Low' },
  { de: 'Mittel', en: 'Medium' },
  { de: 'Hoch', en: 'High' },
];

/**
 * Groups the areas into thirds (quantile classes) of one key indicator. Suppressed or missing values stay
 * ungrouped, never guessed. Returns null when the indicator is unknown or has fewer than two values.
 * @example groupByIndicatorClasses(set, 'refugeesPer1000')?.groups.map((g) => g.title.de) // ['Niedrig', 'Mittel', 'Hoch']
 */
export function groupByIndicatorClasses(set: ProfileSet, indicatorId: string): PanelGrouping | null {
  const indicator = set.indicators.find((candidate) => candidate.id === indicatorId);
  if (!indicator) return null;
  const values = set.areas.map((area) => area.indicators[indicatorId] ?? null);
  if (values.filter((value) => value !== null).length < 2) return null;
  const classification = classify(values, { method: 'quantile', classes: 3 });
  const groupOf: Record<string, number> = {};
  set.areas.forEach((area, index) => {
    const classIndex = classification.classOfValue[index];
    if (classIndex !== null && classIndex !== undefined) groupOf[area.key] = classIndex + 1;
  });
  const titles = classification.classes.length === 3 ? THIRD_TITLES : classification.classes.map((_, index) => ({ de: `Klasse ${index + 1}`, en: `Class ${index + 1}` }));
  const last = classification.classes.length - 1;
  const bounds = (locale: 'de' | 'en', from: number, to: number, isLast: boolean): string => {
    const lower = formatNumber(from, indicator.decimals, locale);
    const upper = formatNumber(to, indicator.decimals, locale);
    const joiner = locale === 'de' ? (isLast ? 'bis' : 'bis unter') : isLast ? 'to' : 'to under';
    return `${lower} ${joiner} ${upper} ${indicator.unit[locale]}`.trim();
  };
  return {
    kind: 'indicatorClasses',
    groupOf,
    groups: classification.classes.map((interval, index) => ({
      number: index + 1,
      title: titles[index]!,
      description: {
        de: `${indicator.label.de}: ${bounds('de', interval.from, interval.to, index === last)}`,
        en: `${indicator.label.en}: ${bounds('en', interval.from, interval.to, index === last)}`,
      },
    })),
  };
}
