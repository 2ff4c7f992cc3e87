/**
 * Preset rates that ship with Kleinraum, each with its source or marked as an assumption.
 *
 * Checked (search of stored public pages, see the texts marked "geprüft"): Destatis U3 care rate 1 March 2023,
 * BAMF first-time applications 2016, 2019 and 2023, protection rate 2023. Everything else is marked "ungeprüft" or
 * is a planning assumption.
 *
 * Honesty rules for this file: a `source` names a publication or a law a planner can look up; figures
 * quoted from memory of a publication are rounded and say so, and ask to be checked against the current
 * edition. Everything that is a planning judgement is an `assumption`, even where a source informed it.
 * Planners replace these values with their own; the basis text travels with every result.
 */
import { formatNumber } from '../format/number';
import { AGE_COUNT } from './cohortStock';
import type { InflowLevel, CostRates, DemandRates, DocumentedValue, ArrivalStructure, NaturalMovement, ValueBasis } from './scenarioModel';

function assumption(de: string, en: string): ValueBasis {
  return { kind: 'assumption', text: { de, en } };
}

function source(de: string, en: string): ValueBasis {
  return { kind: 'source', text: { de, en } };
}

function documented<T>(value: T, basis: ValueBasis): DocumentedValue<T> {
  return { value, basis };
}

/** Persons per care-ratio position in use in municipal practice (Betreuungsschlüssel 1:50, 1:80, 1:100). */
export const CARE_RATIO_OPTIONS = [50, 80, 100] as const;

/**
 * Yearly arrivals per 1,000 inhabitants of the region for the three inflow levels. The region's share of
 * national arrivals is assumed equal to its population share (as the distribution keys intend).
 * Figures: BAMF first-time asylum applications relative to Germany's population, rounded.
 */
export const INFLOW_PRESETS: Record<InflowLevel, DocumentedValue> = {
  low: documented(
    1.7,
    assumption(
      'Niedrig: 1,7 Zugänge je 1.000 Einwohner und Jahr – etwa das Niveau von 2019 (BAMF/BMI, Jahreszahlen 2019: 142.509 Asylerstanträge = 111.094 grenzüberschreitende + 31.415 für in Deutschland geborene Kinder, bei rund 83 Mio. Einwohnern; geprüft). Annahme: Anteil der Region = Bevölkerungsanteil. Die Erstanträge enthalten in Deutschland geborene Säuglinge, überschätzen Zuzüge also etwas.',
      'Low: 1.7 arrivals per 1,000 inhabitants and year – about the level of 2019 (BAMF/BMI figures for 2019: 142,509 first-time asylum applications = 111,094 cross-border + 31,415 for children born in Germany, for about 83 million inhabitants; checked). Assumes the region\'s share equals its population share. First-time applications include infants born in Germany, so they somewhat overstate arrivals.',
    ),
  ),
  medium: documented(
    3.9,
    assumption(
      'Mittel: 3,9 Zugänge je 1.000 Einwohner und Jahr – etwa das Niveau von 2023 (BAMF, Jahresstatistik 2023: 329.120 Asylerstanträge, davon knapp 23.000 für in Deutschland geborene Kinder unter einem Jahr, bei rund 84,7 Mio. Einwohnern; geprüft). Annahme: Anteil der Region = Bevölkerungsanteil. Ohne Schutzsuchende aus der Ukraine (kein Asylverfahren).',
      'Medium: 3.9 arrivals per 1,000 inhabitants and year – about the level of 2023 (BAMF annual statistics 2023: 329,120 first-time asylum applications, almost 23,000 of them for children born in Germany under one year, for about 84.7 million inhabitants; checked). Assumes the region\'s share equals its population share. Excludes people from Ukraine (no asylum procedure).',
    ),
  ),
  high: documented(
    8.8,
    assumption(
      'Hoch: 8,8 Zugänge je 1.000 Einwohner und Jahr – etwa das Niveau von 2016 (BAMF: über 722.000 Asylerstanträge – viele von 2015 Eingereisten, wegen Überlastung verspätet gestellt – bei rund 82,5 Mio. Einwohnern; Antragszahl geprüft). Annahme: Anteil der Region = Bevölkerungsanteil.',
      'High: 8.8 arrivals per 1,000 inhabitants and year – about the level of 2016 (BAMF: over 722,000 first-time asylum applications – many by people who arrived in 2015, filed late because of the backlog – for about 82.5 million inhabitants; application count checked). Assumes the region\'s share equals its population share.',
    ),
  ),
};

/**
 * Age (at year end) and sex structure of arrivals by age group. About two thirds men, three in ten minors.
 * An assumption loosely following the BAMF asylum statistics (first-time applications by age and sex).
 */
export const DEFAULT_ARRIVAL_STRUCTURE: ArrivalStructure = {
  kind: 'ageGroups',
  groups: {
    f: [
      { fromAge: 0, toAge: 5, value: 0.067 },
      { fromAge: 6, toAge: 17, value: 0.075 },
      { fromAge: 18, toAge: 24, value: 0.05 },
      { fromAge: 25, toAge: 34, value: 0.07 },
      { fromAge: 35, toAge: 49, value: 0.06 },
      { fromAge: 50, toAge: 64, value: 0.026 },
      { fromAge: 65, toAge: 79, value: 0.01 },
    ],
    m: [
      { fromAge: 0, toAge: 5, value: 0.073 },
      { fromAge: 6, toAge: 17, value: 0.085 },
      { fromAge: 18, toAge: 24, value: 0.15 },
      { fromAge: 25, toAge: 34, value: 0.17 },
      { fromAge: 35, toAge: 49, value: 0.12 },
      { fromAge: 50, toAge: 64, value: 0.034 },
      { fromAge: 65, toAge: 79, value: 0.01 },
    ],
  },
  basis: assumption(
    'Annahme, ungeprüft: grob angelehnt an die Asylgeschäftsstatistik des BAMF (Erstanträge nach Alter und Geschlecht): rund 64 % männlich, rund 30 % minderjährig; innerhalb jeder Altersgruppe gleich verteilt. Mit den aktuellen Zahlen abgleichen.',
    'Assumption, unchecked: loosely following the BAMF asylum statistics (first-time applications by age and sex): about 64 % male, about 30 % minors; spread evenly within each age group. Check against current figures.',
  ),
};

/** Scenario rates that do not depend on the inflow level; a planner edits them per scenario. */
export const DEFAULT_SCENARIO_RATES = {
  recognitionRate: documented(
    0.3,
    assumption(
      'Annahme: etwa 60 % der offenen Verfahren werden im Jahr entschieden, rund die Hälfte davon mit Schutz (BAMF, Gesamtschutzquote 2023 knapp 52 %, geprüft; der Anteil der im Jahr entschiedenen Verfahren ist ungeprüft) – also rund 30 % der Wartenden je Jahr.',
      'Assumption: about 60 % of pending procedures are decided per year, about half of them with protection (BAMF overall protection rate 2023 just under 52 %, checked; the share of procedures decided within a year is unchecked) – so about 30 % of those waiting per year.',
    ),
  ),
  departureRate: {
    asylumPending: documented(
      0.1,
      assumption('Annahme: 10 % der Personen im Asylverfahren verlassen die Region je Jahr (Rückkehr, Weiterreise, Abschiebung).', 'Assumption: 10 % of persons in the asylum procedure leave the region per year (return, onward travel, removal).'),
    ),
    protectionGranted: documented(
      0.03,
      assumption('Annahme: 3 % der Schutzberechtigten ziehen je Jahr aus der Region fort.', 'Assumption: 3 % of persons with protection move out of the region per year.'),
    ),
  },
  onwardMoveRate: documented(
    0.08,
    assumption(
      'Annahme: 8 % der Schutzberechtigten ziehen je Jahr in eine andere Kommune der Region; die Wohnsitzregelung (§ 12a AufenthG) begrenzt Umzüge in den ersten drei Jahren.',
      'Assumption: 8 % of persons with protection move to another municipality of the region per year; the residence rule (§ 12a AufenthG) limits moves in the first three years.',
    ),
  ),
};

/** Total fertility rate of the preset (children per woman over ages 15–49). */
const PRESET_TOTAL_FERTILITY = 1.4;

/**
 * Births per woman and year by age: a bell around age 31 (sd 5.5 years) over ages 15–49, scaled so that
 * the ages add up to the total fertility rate.
 */
function presetFertilityByAge(): number[] {
  const shape = Array.from({ length: AGE_COUNT }, (_, age) => (age >= 15 && age <= 49 ? Math.exp(-0.5 * ((age - 31) / 5.5) ** 2) : 0));
  const total = shape.reduce((sum, value) => sum + value, 0);
  return shape.map((value) => (value * PRESET_TOTAL_FERTILITY) / total);
}

/**
 * Deaths per person and year by age: infant mortality, then a Gompertz curve (doubling about every 7 years
 * of age) on a small background rate, capped at 60 %.
 */
function presetMortalityByAge(): number[] {
  return Array.from({ length: AGE_COUNT }, (_, age) => (age === 0 ? 0.003 : Math.min(0.6, 0.0002 + 2.5e-5 * Math.exp(0.095 * age))));
}

/**
 * Births and deaths for the preset scenarios. Without them a ten-year projection loses every child born
 * after the start (KiTa demand fell to a few per cent of today's by the fifth year), so the presets carry a
 * simplified, documented natural movement that planners replace with their Land's or city's own rates.
 */
export const DEFAULT_NATURAL_MOVEMENT: NaturalMovement = {
  fertilityByAge: documented(
    presetFertilityByAge(),
    assumption(
      `Annahme: zusammengefasste Geburtenziffer ${formatNumber(PRESET_TOTAL_FERTILITY, 1, 'de')} Kinder je Frau, verteilt über das Alter 15–49 um ein mittleres Alter der Mutter von etwa 31 Jahren (vereinfachte Kurve). Zur Einordnung, aus dem Gedächtnis und bitte zu prüfen: Destatis nennt für Deutschland 1,46 (2022) und 1,35 (2023). Für die eigene Planung die altersspezifischen Geburtenziffern des Landes oder der Stadt einsetzen.`,
      `Assumption: total fertility rate ${formatNumber(PRESET_TOTAL_FERTILITY, 1, 'en')} children per woman, spread over ages 15–49 around a mean age of the mother of about 31 (simplified curve). For orientation, from memory and to be checked: Destatis reports 1.46 (2022) and 1.35 (2023) for Germany. For local planning use the Land's or city's age-specific fertility rates.`,
    ),
  ),
  boysShareOfBirths: documented(
    0.513,
    assumption(
      'Annahme: 51,3 % der Neugeborenen sind Jungen (etwa 105 Jungen je 100 Mädchen, die übliche Geschlechterrelation bei Geburt; ungeprüft).',
      'Assumption: 51.3 % of newborns are boys (about 105 boys per 100 girls, the usual sex ratio at birth; unchecked).',
    ),
  ),
  mortalityByAge: documented(
    presetMortalityByAge(),
    assumption(
      'Annahme: vereinfachte Sterbewahrscheinlichkeiten (Gompertz-Kurve, für beide Geschlechter gleich) in der Größenordnung der Sterbetafel des Statistischen Bundesamts: rund 0,3 % im ersten Lebensjahr, 0,1 % mit 40, 0,8 % mit 60, 5 % mit 80 und 13 % mit 90 Jahren (ungeprüft). Für die eigene Planung die aktuelle Sterbetafel einsetzen.',
      'Assumption: simplified probabilities of death (Gompertz curve, the same for both sexes) of the order of the Federal Statistical Office\'s life table: about 0.3 % in the first year of life, 0.1 % at 40, 0.8 % at 60, 5 % at 80 and 13 % at 90 (unchecked). For local planning use the current life table.',
    ),
  ),
};

const KITA_SOURCE_DE =
  'Destatis, Kindertagesbetreuung, Stichtag 1. März 2023 (Pressemitteilung September 2023): Betreuungsquote der unter Dreijährigen bundesweit 36,4 % (hier gerundet 36 %), Niedersachsen 34,9 % (geprüft; zählt Kindertageseinrichtungen und öffentlich geförderte Kindertagespflege). Für die eigene Planung die Quote des Landes bzw. Kreises aus der Regionalstatistik einsetzen.';
const KITA_SOURCE_EN =
  'Destatis, day care, reference date 1 March 2023 (press release September 2023): care rate of children under three 36.4 % in Germany (rounded here to 36 %), 34.9 % in Lower Saxony (checked; counts day-care centres and publicly funded child minders). For local planning use the Land or district rate from the Regionalstatistik.';

const KITA_3_TO_6_DE =
  'Annahme, ungeprüft: rund 91 % der Kinder von 3 bis unter 6 Jahren in Kindertagesbetreuung – aus dem Gedächtnis nach der Destatis-Statistik der Kindertagesbetreuung; die Quote ließ sich hier nicht nachprüfen. Bitte mit der aktuellen Veröffentlichung oder der Regionalstatistik abgleichen.';
const KITA_3_TO_6_EN =
  'Assumption, unchecked: about 91 % of children aged 3 to under 6 in day care – from memory of the Destatis day-care statistics; the rate could not be verified here. Please check against the current publication or the Regionalstatistik.';

const SCHOOL_SOURCE_DE = 'Schulpflicht nach dem Niedersächsischen Schulgesetz (§§ 63–67 NSchG), auch für geflüchtete Kinder. Annahme: ein Schulplatz je schulpflichtigem Kind der Altersgruppe.';
const SCHOOL_SOURCE_EN = 'Compulsory schooling under the Lower Saxony Schools Act (§§ 63–67 NSchG), refugee children included. Assumes one school place per child of the age group.';

/** Demand rates shipped with Kleinraum; every entry names its source or assumption. */
export const DEFAULT_DEMAND_RATES: DemandRates = {
  kita: [
    {
      id: 'under-3',
      label: { de: 'Krippe (unter 3 Jahre)', en: 'Crèche (under 3)' },
      fromAge: 0,
      toAge: 2,
      residents: documented(0.36, source(KITA_SOURCE_DE, KITA_SOURCE_EN)),
      refugees: documented(
        0.15,
        assumption('Annahme: geflüchtete Familien nutzen Krippen seltener (Zugang, Wartelisten); 15 %.', 'Assumption: refugee families use crèches less often (access, waiting lists); 15 %.'),
      ),
    },
    {
      id: '3-to-school',
      label: { de: 'Kindergarten (3 bis unter 6 Jahre)', en: 'Kindergarten (3 to under 6)' },
      fromAge: 3,
      toAge: 5,
      residents: documented(0.91, assumption(KITA_3_TO_6_DE, KITA_3_TO_6_EN)),
      refugees: documented(0.75, assumption('Annahme: 75 % der geflüchteten Kinder von 3 bis unter 6 Jahren besuchen eine KiTa.', 'Assumption: 75 % of refugee children aged 3 to under 6 attend a KiTa.')),
    },
  ],
  school: [
    {
      id: 'primary',
      label: { de: 'Primarstufe (6–9 Jahre)', en: 'Primary (6–9)' },
      fromAge: 6,
      toAge: 9,
      residents: documented(1, source(SCHOOL_SOURCE_DE, SCHOOL_SOURCE_EN)),
      refugees: documented(1, source(SCHOOL_SOURCE_DE, SCHOOL_SOURCE_EN)),
    },
    {
      id: 'secondary-1',
      label: { de: 'Sekundarstufe I (10–15 Jahre)', en: 'Lower secondary (10–15)' },
      fromAge: 10,
      toAge: 15,
      residents: documented(1, source(SCHOOL_SOURCE_DE, SCHOOL_SOURCE_EN)),
      refugees: documented(1, source(SCHOOL_SOURCE_DE, SCHOOL_SOURCE_EN)),
    },
    {
      id: 'secondary-2',
      label: { de: 'Sekundarstufe II und Berufsschule (16–18 Jahre)', en: 'Upper secondary and vocational school (16–18)' },
      fromAge: 16,
      toAge: 18,
      residents: documented(0.9, assumption('Annahme: 90 % der 16- bis 18-Jährigen besuchen eine allgemein- oder berufsbildende Schule.', 'Assumption: 90 % of those aged 16 to 18 attend a general or vocational school.')),
      refugees: documented(0.9, assumption('Annahme: wie bei Einwohnern 90 %.', 'Assumption: 90 %, as for residents.')),
    },
  ],
  integration: {
    fromAge: 18,
    toAge: 64,
    eligibleShare: {
      asylumPending: documented(
        0.5,
        assumption(
          'Annahme: die Hälfte der Erwachsenen im Asylverfahren wird zum Integrationskurs zugelassen (§ 44 Abs. 4 AufenthG: Zulassung im Rahmen freier Plätze).',
          'Assumption: half of the adults in the asylum procedure are admitted to an integration course (§ 44 (4) AufenthG: admission as places allow).',
        ),
      ),
      protectionGranted: documented(1, source('§ 44 Abs. 1 AufenthG: Anspruch auf Teilnahme am Integrationskurs für Schutzberechtigte.', '§ 44 (1) AufenthG: persons with protection are entitled to an integration course.')),
    },
    participationRate: documented(
      0.6,
      assumption('Annahme: 60 % der Berechtigten beginnen innerhalb eines Jahres einen Kurs. Altersgrenze 18–64 ebenfalls Annahme.', 'Assumption: 60 % of those eligible start a course within a year. The age range 18–64 is an assumption too.'),
    ),
  },
  accommodationNeedShare: {
    asylumPending: documented(
      0.9,
      assumption('Annahme: 90 % der Personen im Asylverfahren leben in kommunaler Unterbringung.', 'Assumption: 90 % of persons in the asylum procedure live in municipal accommodation.'),
    ),
    protectionGranted: documented(
      0.3,
      assumption(
        'Annahme: 30 % der Schutzberechtigten finden keine eigene Wohnung und bleiben in der Unterbringung.',
        'Assumption: 30 % of persons with protection find no housing of their own and stay in accommodation.',
      ),
    ),
  },
  staff: {
    asylumPending: {
      personsPerStaff: documented(
        80,
        assumption(
          'Annahme: Betreuungsschlüssel 1:80 (in der kommunalen Praxis sind 1:50, 1:80 und 1:100 üblich).',
          'Assumption: care ratio 1:80 (1:50, 1:80 and 1:100 are common in municipal practice).',
        ),
      ),
    },
    protectionGranted: {
      personsPerStaff: documented(
        100,
        assumption('Annahme: Betreuungsschlüssel 1:100 für Schutzberechtigte.', 'Assumption: care ratio 1:100 for persons with protection.'),
      ),
    },
  },
};

const PLACEHOLDER_DE = 'Platzhalter-Annahme – durch die Werte der eigenen Kommune ersetzen.';
const PLACEHOLDER_EN = 'Placeholder assumption – replace with your municipality\'s figures.';

function placeholderCost(euros: number, whatDe: string, whatEn: string): DocumentedValue {
  return documented(euros, assumption(`${whatDe}: ${formatNumber(euros, 0, 'de')} € je Jahr. ${PLACEHOLDER_DE}`, `${whatEn}: €${formatNumber(euros, 0, 'en')} per year. ${PLACEHOLDER_EN}`));
}

/** Cost figures in euros per year. All are placeholders to be replaced with local figures. */
export const DEFAULT_COST_RATES: CostRates = {
  costPerUnitPerYear: {
    kita: placeholderCost(12000, 'Betriebskosten je KiTa-Platz', 'Running cost per KiTa place'),
    school: placeholderCost(9000, 'Kosten je Schulplatz', 'Cost per school place'),
    integration: placeholderCost(3000, 'Kosten je Integrationskursplatz', 'Cost per integration-course place'),
    accommodation: placeholderCost(9000, 'Kosten je Unterbringungsplatz', 'Cost per accommodation place'),
    staff: placeholderCost(70000, 'Personalkosten je Stelle Sozialarbeit', 'Staff cost per social-work position'),
  },
  costOfMissingUnitPerYear: {
    kita: placeholderCost(8000, 'Folgekosten je fehlendem KiTa-Platz (z. B. Erwerbsausfall, Rechtsanspruchsklagen)', 'Follow-up cost per missing KiTa place (e.g. lost earnings, legal claims)'),
    school: placeholderCost(6000, 'Folgekosten je fehlendem Schulplatz (z. B. Container, Fahrten)', 'Follow-up cost per missing school place (e.g. temporary classrooms, transport)'),
    integration: placeholderCost(4000, 'Folgekosten je fehlendem Kursplatz (z. B. längerer Leistungsbezug)', 'Follow-up cost per missing course place (e.g. longer benefit receipt)'),
    accommodation: placeholderCost(25000, 'Kosten je fehlendem Platz (Notunterbringung, Hotel)', 'Cost per missing place (emergency accommodation, hotel)'),
    staff: placeholderCost(40000, 'Folgekosten je fehlender Stelle (Konflikte, Abbrüche, Überlastung)', 'Follow-up cost per missing position (conflicts, drop-outs, overload)'),
  },
};
