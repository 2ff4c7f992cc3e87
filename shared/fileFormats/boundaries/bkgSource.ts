/**
 * Recognising boundary data of the Bundesamt für Kartographie und Geodäsie (BKG) so that its source and the
 * attribution its licence demands ("© GeoBasis-DE / BKG <year>", dl-de/by-2-0) are recorded without the
 * planner typing them. BKG layers (VG250, VG5000, VG250-EW) share field names; their download folders carry
 * a quellenvermerk and an aktualitaet file. Pure: the caller reads those files.
 */
import { isoDateOf } from '../table/analyseGrid';

export const BKG_PUBLISHER = 'Bundesamt für Kartographie und Geodäsie (BKG)';
export const DL_DE_BY_2_0 = { licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)', licenceUrl: 'https://www.govdata.de/dl-de/by-2-0' };

export interface BoundarySourceHints {
  /** Attribute names of the layer. */
  fields: readonly string[];
  /** File or layer name, e.g. "vg5000_2021-01-01_gk3/VG5000_GEM" (a date in it is the data's date). */
  fileName: string;
  /** Text of a quellenvermerk*.txt beside the data, if any. */
  quellenvermerk?: string | null;
  /** Text of aktualitaet.txt beside the data (e.g. "01.01.2021"), if any. */
  aktualitaet?: string | null;
  /** The latest BEGINN / date attribute of the features (ISO, e.g. "2021-07-01"), if any. */
  beginn?: string | null;
}

/**
 * Where the attribution year came from; 'fetch-date' is the day a web service was asked (its data is
 * current then); 'import-date' means the data names no date and the year needs checking.
 */
export type AttributionYearSource = 'aktualitaet' | 'file-name' | 'attribute-date' | 'fetch-date' | 'import-date';

export interface BoundarySourceProposal {
  isBkg: boolean;
  name: string;
  publisher: string;
  stichtag: string | null;
  attribution: string;
  licence: string;
  licenceUrl: string | null;
  /** Source of the year in the attribution (empty attribution: null). */
  attributionYearFrom: AttributionYearSource | null;
}

const BKG_FIELD_SETS: readonly (readonly string[])[] = [
  ['GEN', 'BEZ', 'ARS'],
  ['GEN', 'BEZ', 'AGS'],
  ['gen', 'bez', 'ars'],
  ['GEN', 'ADE'],
];

/**
 * BKG's own layer names ("VG250_GEM", "vg5000_krs", "VG250-EW_GEM"). Reduced copies keep that name and a key
 * field while dropping GEN and BEZ (the Zensus-2022 VG250 simplified to one field, ARS): with a BKG key
 * field the name alone recognises them.
 */
const BKG_LAYER_NAME = /(^|[^a-z0-9])vg(250|1000|2500|5000)(-?ew)?_(gem|krs|lan|rbz|vwg|sta)([^a-z]|$)/i;
const BKG_KEY_FIELDS = ['ARS', 'AGS', 'ars', 'ags', 'RS'];

function dateIn(text: string | null | undefined): string | null {
  if (!text) return null;
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  return isoDateOf(text);
}

/** The product name from a BKG file name, e.g. "VG5000" from "vg5000_2021-01-01_gk3/VG5000_GEM". */
function bkgProduct(fileName: string): string {
  const match = /vg\s*(250|1000|2500|5000)(-?ew)?/i.exec(fileName);
  return match ? `VG${match[1]}${match[2] ? '-EW' : ''}` : 'Verwaltungsgebiete';
}

const BKG_LEVELS: Record<string, { de: string; en: string }> = {
  gem: { de: 'Gemeinden', en: 'Municipalities' },
  vwg: { de: 'Verwaltungsgemeinschaften', en: 'Municipal associations' },
  krs: { de: 'Kreise', en: 'Districts' },
  rbz: { de: 'Regierungsbezirke', en: 'Government regions' },
  lan: { de: 'Länder', en: 'Federal states' },
  sta: { de: 'Staat', en: 'Country' },
};

/**
 * A readable layer title for a BKG layer name, so maps and figures say "Gemeinden (VG250)" instead of the
 * file's "vg250_gem"; null for other names.
 * @example bkgLayerTitle('VG5000_KRS') // { de: 'Kreise (VG5000)', en: 'Districts (VG5000)' }
 */
export function bkgLayerTitle(layerName: string): { de: string; en: string } | null {
  const parts = bkgLayerParts(layerName);
  return parts ? { de: `${parts.level.de} (${parts.product})`, en: `${parts.level.en} (${parts.product})` } : null;
}

function bkgLayerParts(layerName: string): { product: string; level: { de: string; en: string } } | null {
  const match = BKG_LAYER_NAME.exec(layerName);
  return match ? { product: bkgProduct(layerName), level: BKG_LEVELS[match[4]!.toLowerCase()]! } : null;
}

/**
 * Proposes the source of a boundary layer. BKG data gets publisher, licence and attribution; the year of the
 * attribution is the year of the data: aktualitaet.txt, else a date in the file or folder name, else the
 * latest BEGINN date of the features; only when none is known the year of the import (marked 'import-date'
 * so the UI asks the planner to check it).
 * @example proposeBoundarySource({ fields: ['ARS', 'AGS', 'GEN', 'BEZ'], fileName: 'vg5000_2021-01-01_gk3/VG5000_GEM' }).attribution // "© GeoBasis-DE / BKG 2021"
 */
export function proposeBoundarySource(hints: BoundarySourceHints, today: Date = new Date()): BoundarySourceProposal {
  const fieldSet = new Set(hints.fields);
  const byFields = BKG_FIELD_SETS.some((set) => set.every((field) => fieldSet.has(field)));
  const layerName = hints.fileName.split('/').pop() ?? hints.fileName;
  const named = bkgLayerParts(layerName);
  const byLayerName = named !== null && BKG_KEY_FIELDS.some((field) => fieldSet.has(field));
  const byQuellenvermerk = hints.quellenvermerk ? /GeoBasis-DE\s*\/\s*BKG/i.test(hints.quellenvermerk) : false;
  const fromAktualitaet = dateIn(hints.aktualitaet);
  const fromFileName = dateIn(hints.fileName);
  const fromAttribute = dateIn(hints.beginn);
  const stichtag = fromAktualitaet ?? fromFileName;
  if (!byFields && !byLayerName && !byQuellenvermerk) {
    return { isBkg: false, name: layerName, publisher: '', stichtag, attribution: '', licence: '', licenceUrl: null, attributionYearFrom: null };
  }
  const dated = stichtag ?? fromAttribute;
  const year = dated ? dated.slice(0, 4) : String(today.getFullYear());
  const attributionYearFrom: AttributionYearSource = fromAktualitaet ? 'aktualitaet' : fromFileName ? 'file-name' : fromAttribute ? 'attribute-date' : 'import-date';
  return {
    isBkg: true,
    // "BKG VG5000 Gemeinden (VG5000_GEM)": what it is first, the file it came from after.
    name: named ? `BKG ${named.product} ${named.level.de} (${layerName})` : `${bkgProduct(hints.fileName)} ${layerName}`.trim(),
    publisher: BKG_PUBLISHER,
    stichtag,
    attribution: `© GeoBasis-DE / BKG ${year}`,
    ...DL_DE_BY_2_0,
    attributionYearFrom,
  };
}
