/**
 * The three sources of the demo project: the real BKG boundaries (simplified, see demoBoundaries.ts), the real Zensus 2022 totals,
 * and the synthetic example series. Every figure shown from the demo names one of them.
 */
import type { Source } from '../model/project';
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
  },
  {
    id: DEMO_SOURCE_IDS.synthetic,
    name: 'Beispieldaten, synthetisch',
    publisher: 'Kleinraum (generiert)',
    stichtag: null,
    licence: 'Generiert von Kleinraum, frei verwendbar',
    licenceUrl: null,
    attribution: 'Beispieldaten, synthetisch',
    notes:
      'Erfundene, aber plausible Reihen 2015–2024 (Stichtag jeweils 31.12.): Bevölkerung nach Geschlecht und Alter, ' +
      'ausländische Bevölkerung, Schutzsuchende, Zu- und Abgänge, Unterbringung. Sie beschreiben keine realen Personen ' +
      'und dürfen nicht für Planungsentscheidungen verwendet werden.',
    synthetic: true,
  },
];
