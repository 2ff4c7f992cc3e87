/**
 * The words of Sozialmonitoring in German and English, shared by the app, the CLI and the figures: class
 * names, the short text per area ("Status niedrig, Dynamik negativ"), the messages of the index and the
 * description of an alert rule.
 */
import { formatNumber } from '../format/number';
import type { LocalizedText } from '../model/project';
import type { AlertRule, AlertRuleType, DynamicsClass, StatusClass } from './monitoringDefinition';
import type { IndexMessage, NotScoredReason } from './monitoringIndex';

/** The default definition's name (projectSettings), which is the method's name rather than the planner's own. */
export const DEFAULT_MONITORING_NAME: LocalizedText = { de: 'Sozialmonitoring', en: 'Social monitoring' };

/**
 * The title of the monitoring map and figure: the definition's name (the default one, or none, in the
 * reader's language) and what is shown.
 * @example monitoringTitle('Sozialmonitoring', 'en') // 'Social monitoring: status and dynamics'
 */
export function monitoringTitle(name: string, locale: 'de' | 'en'): string {
  const shown = name.trim() === '' ? DEFAULT_MONITORING_NAME[locale] : monitoringDisplayName(name, locale).trim();
  return `${shown}: ${locale === 'de' ? 'Status und Dynamik' : 'status and dynamics'}`;
}

/**
 * A definition's name as shown: the default name in the reader's language, a planner's own (or an empty
 * field being typed into) as it is. The stored name stays as it is until the planner types another.
 * @example monitoringDisplayName('Sozialmonitoring', 'en') // 'Social monitoring'
 */
export function monitoringDisplayName(name: string, locale: 'de' | 'en'): string {
  return name.trim() === DEFAULT_MONITORING_NAME.de ? DEFAULT_MONITORING_NAME[locale] : name;
}

export const STATUS_CLASS_TEXT: Record<StatusClass, LocalizedText> = {
  hoch: { de: 'hoch', en: 'high' },
  mittel: { de: 'mittel', en: 'medium' },
  niedrig: { de: 'niedrig', en: 'low' },
  sehrNiedrig: { de: 'sehr niedrig', en: 'very low' },
};

/**
 * What the status classes mean for need, said under every status legend: the classes follow the Berlin
 * monitoring's naming (status "hoch" = a good social situation), which a committee reader would otherwise
 * read the other way round, since the index itself rises with need.
 */
export const STATUS_DIRECTION_TEXT: LocalizedText = {
  de: 'Status „hoch“: wenig Handlungsbedarf · „sehr niedrig“: viel Handlungsbedarf',
  en: 'Status "high": little need for action · "very low": much need for action',
};

export const DYNAMICS_CLASS_TEXT: Record<DynamicsClass, LocalizedText> = {
  positiv: { de: 'positiv', en: 'positive' },
  stabil: { de: 'stabil', en: 'stable' },
  negativ: { de: 'negativ', en: 'negative' },
};

export const RULE_TEXT: Record<AlertRuleType, LocalizedText> = {
  above: { de: 'über Schwellenwert', en: 'above threshold' },
  below: { de: 'unter Schwellenwert', en: 'below threshold' },
  deviation: { de: 'Abweichung von der Region', en: 'deviation from the region' },
  change: { de: 'Veränderung', en: 'change' },
  fences: { de: 'Ausreißer (Boxplot)', en: 'outlier (box plot)' },
  worseClass: { de: 'in schlechtere Statusklasse', en: 'into a worse status class' },
};

type Locale = 'de' | 'en';

/**
 * The short text of an area.
 * @example areaText({ scored: true, statusClass: 'niedrig', dynamicsClass: 'negativ' }, 300, 'de') // "Status niedrig, Dynamik negativ"
 */
export function areaText(area: { scored: boolean; notScoredReason?: NotScoredReason | null; statusClass: StatusClass | null; dynamicsClass: DynamicsClass | null }, minPopulation: number, locale: Locale): string {
  if (!area.scored) {
    if (area.notScoredReason === 'noData') return locale === 'de' ? 'keine Daten' : 'no data';
    if (area.notScoredReason === 'noPopulation') return locale === 'de' ? 'nicht bewertet (keine Einwohnerzahl)' : 'not scored (no population)';
    const floor = formatNumber(minPopulation, 0, locale);
    return locale === 'de' ? `nicht bewertet (unter ${floor} Einwohnern)` : `not scored (fewer than ${floor} inhabitants)`;
  }
  const status = area.statusClass ? STATUS_CLASS_TEXT[area.statusClass][locale] : locale === 'de' ? 'nicht bestimmbar' : 'undetermined';
  const dynamics = area.dynamicsClass ? DYNAMICS_CLASS_TEXT[area.dynamicsClass][locale] : locale === 'de' ? 'nicht bestimmbar' : 'undetermined';
  return locale === 'de' ? `Status ${status}, Dynamik ${dynamics}` : `Status ${status}, dynamics ${dynamics}`;
}

/** The message of the index in both languages; `name` gives an indicator's name. */
export function indexMessageText(message: IndexMessage, name: (id: string) => LocalizedText, dynamicsYears: number): LocalizedText {
  switch (message.code) {
    case 'tooFewAreas':
      return {
        de: `Nur ${message.scored} Gebiet(e) können bewertet werden: Ein Index braucht mindestens zwei. Bitte die Mindesteinwohnerzahl senken oder Kennzahlen mit Werten für mehr Gebiete wählen.`,
        en: `Only ${message.scored} area(s) can be scored: an index needs at least two. Please lower the population floor or choose indicators with values for more areas.`,
      };
    case 'constantIndicator':
      return {
        de: `„${name(message.indicator).de}“ ist in allen bewerteten Gebieten gleich (Standardabweichung 0) und geht nicht in den Statusindex ein.`,
        en: `"${name(message.indicator).en}" is the same in every scored area (standard deviation 0) and is left out of the status index.`,
      };
    case 'constantChange':
      return {
        de: `Die Veränderung von „${name(message.indicator).de}“ ist überall gleich (Standardabweichung 0) und geht nicht in den Dynamikindex ein.`,
        en: `The change of "${name(message.indicator).en}" is the same everywhere (standard deviation 0) and is left out of the dynamics index.`,
      };
    case 'noDynamicsPeriod':
      return {
        de: `Für den Beginn des Dynamikzeitraums (${dynamicsYears} Jahre vor dem Stichtag) gibt es keine Werte: Die Dynamik wird nicht bewertet. Bitte einen späteren Stichtag oder einen kürzeren Zeitraum wählen.`,
        en: `There are no values for the start of the dynamics period (${dynamicsYears} years before the reference date): dynamics are not scored. Please choose a later reference date or a shorter period.`,
      };
    case 'tooFewDynamicsAreas':
      return {
        de: `Nur ${message.count} Gebiet(e) haben Werte zu Beginn und Ende des Dynamikzeitraums: Die Dynamik wird nicht bewertet.`,
        en: `Only ${message.count} area(s) have values at both ends of the dynamics period: dynamics are not scored.`,
      };
    case 'noUsableIndicator':
      return {
        de: 'Keine der gewählten Kennzahlen unterscheidet sich zwischen den bewerteten Gebieten: Es gibt keinen Statusindex und keine Klassen. Bitte Kennzahlen wählen, die sich zwischen den Gebieten unterscheiden.',
        en: 'None of the chosen indicators differs between the scored areas: there is no status index and no classes. Please choose indicators that differ between the areas.',
      };
    case 'constantIndex':
      return {
        de: 'Der Statusindex ist in allen Gebieten gleich: Es gibt keine Klassen. Bitte andere Kennzahlen oder Richtungen wählen.',
        en: 'The status index is the same in every area: there are no classes. Please choose other indicators or directions.',
      };
  }
}

/** A rule in words ("Schutzsuchende je 1.000 über 20"). */
export function ruleText(rule: AlertRule, name: (id: string) => LocalizedText, locale: Locale): string {
  if (rule.type === 'worseClass') return RULE_TEXT.worseClass[locale];
  const indicator = name(rule.indicator)[locale];
  const number = (value: number) => formatNumber(value, Number.isInteger(value) ? 0 : 1, locale);
  switch (rule.type) {
    case 'above':
      return locale === 'de' ? `${indicator} über ${number(rule.threshold)}` : `${indicator} above ${number(rule.threshold)}`;
    case 'below':
      return locale === 'de' ? `${indicator} unter ${number(rule.threshold)}` : `${indicator} below ${number(rule.threshold)}`;
    case 'deviation': {
      const unit = rule.unit === 'percent' ? ' %' : locale === 'de' ? ' Punkte' : ' points';
      return locale === 'de' ? `${indicator} weicht um mehr als ${number(rule.threshold)}${unit} von der Region ab` : `${indicator} deviates from the region by more than ${number(rule.threshold)}${unit}`;
    }
    case 'change':
      return locale === 'de' ? `${indicator} ändert sich in ${rule.years} Jahren um mehr als ${number(rule.threshold)} %` : `${indicator} changes by more than ${number(rule.threshold)} % in ${rule.years} years`;
    case 'fences':
      return locale === 'de' ? `${indicator} außerhalb der Boxplot-Grenzen (${number(rule.factor)} × IQR)` : `${indicator} outside the box-plot fences (${number(rule.factor)} × IQR)`;
  }
}
