/**
 * The sources of the demo project: the real BKG boundaries (simplified, see demoBoundaries.ts), the real Zensus 2022 totals, and the synthetic example
 * series — each synthetic one named after the real source it imitates (Melderegister, AZR, AsylbLG
 * statistics, bed count), with who it counts, so that the Quellenvergleich shows realistic disagreement.
 * Every figure shown from the demo names one of them.
 */
import { SYNTHETIC_LICENCE, SYNTHETIC_NAME_SUFFIX, SYNTHETIC_PUBLISHER_SUFFIX, type Source } from '../model/project';
import { CENSUS_STICHTAG, DEMO_SOURCE_IDS } from './dataDictionary';
import { DEMO_BOUNDARY_SOURCE } from './demoBoundaries';

export const DEMO_SOURCES: Source[] = [
  DEMO_BOUNDARY_SOURCE,
  {
    id: DEMO_SOURCE_IDS.census,
    name: 'Zensus 2022, Tabelle 1000A-0000, Bevölkerung, Gebietsstand 15.05.2022',
    publisher: 'Statistische Ämter des Bundes und der Länder',
    stichtag: CENSUS_STICHTAG,
    licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
    attribution: '© Statistische Ämter des Bundes und der Länder, 2024',
    notes: 'Einwohnerzahlen der 21 Städte und Gemeinden der Region Hannover (Summe 1.129.158 = Kreisergebnis 03241).',
    synthetic: false,
    definition: 'Bevölkerung am Ort der Hauptwohnung am 15.05.2022, registergestützt ermittelt und mit der Haushaltsstichprobe korrigiert',
    quality: 'counted',
  },
  {
    id: DEMO_SOURCE_IDS.synthetic,
    name: 'Beispieldaten, synthetisch',
    publisher: 'Kleinraum (generiert)',
    stichtag: null,
    licence: SYNTHETIC_LICENCE,
    licenceUrl: null,
    attribution: 'Beispieldaten, synthetisch',
    notes:
      'Erfundene, aber plausible Reihen 2015–2024 (Stichtag jeweils 31.12.): ausländische Bevölkerung nach Staatsangehörigkeit, ' +
      'Plätze und Belegung der Gemeinschaftsunterkünfte. Sie beschreiben keine realen Personen und dürfen nicht für Planungsentscheidungen verwendet werden.',
    synthetic: true,
    definition: 'Ausländische Bevölkerung mit Hauptwohnsitz; Plätze und belegte Plätze in Gemeinschaftsunterkünften am 31.12.',
    quality: 'synthetic',
  },
  synthetic(DEMO_SOURCE_IDS.populationRegister, 'Einwohnermelderegister', 'Meldebehörden der Städte und Gemeinden',
    'Einwohner mit Hauptwohnsitz lt. Melderegister am 31.12., nach Geschlecht und Altersgruppe'),
  synthetic(DEMO_SOURCE_IDS.refugeeRegister, 'Ausländerzentralregister (AZR), Schutzsuchende', 'Ausländerbehörde der Region Hannover',
    'Schutzsuchende mit Wohnsitz in der Gemeinde lt. AZR am 31.12.: Aufenthaltsgestattung (im Verfahren), Duldung oder humanitärer Aufenthaltstitel (anerkannt, auch § 24 AufenthG); mit Zu- und Abgängen des Jahres'),
  synthetic(DEMO_SOURCE_IDS.asylbLg, 'Statistik der Asylbewerberleistungen (AsylbLG)', 'Landesamt für Statistik Niedersachsen',
    'Empfängerinnen und Empfänger von Regelleistungen nach AsylbLG am 31.12. (im Verfahren, Geduldete, einzelne humanitäre Titel); anerkannte Schutzberechtigte und Geflüchtete aus der Ukraine (ab Juni 2022) erhalten Leistungen nach SGB II und fehlen; nicht zuordenbare Fälle für die Region gesamt'),
  synthetic(DEMO_SOURCE_IDS.bedCount, 'Belegung kommunaler Unterkünfte (Bettenzählung)', 'Fachbereich Soziales, Unterbringung',
    'Personen in Gemeinschafts- und Notunterkünften der Kommune am Zähltag (wöchentliche Bettenzählung, letzter Montag des Jahres), unabhängig vom Aufenthaltsstatus; ohne angemietete Wohnungen'),
];

/** A synthetic demo source: named as the real one it imitates, with "Beispieldaten, synthetisch" in name and attribution. */
function synthetic(id: string, name: string, publisher: string, definition: string): Source {
  return {
    id,
    name: `${name}${SYNTHETIC_NAME_SUFFIX}`,
    publisher: `${publisher}${SYNTHETIC_PUBLISHER_SUFFIX}`,
    stichtag: null,
    licence: SYNTHETIC_LICENCE,
    licenceUrl: null,
    attribution: 'Beispieldaten, synthetisch',
    notes: `Erfundene, aber plausible Reihe 2015–2024 nach dem Vorbild: ${name}. Sie beschreibt keine realen Personen und darf nicht für Planungsentscheidungen verwendet werden.`,
    synthetic: true,
    definition,
    quality: 'synthetic',
  };
}
