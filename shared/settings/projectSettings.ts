/**
 * The registry of project settings: every key a project file may hold, with its schema, default and
 * version, and the steps that bring an older stored value up to date. Settings are stored as JSON with a
 * version per row (electron/node/storage); values written before settings were typed (version 0) are
 * plain text, read by each setting's `fromText`. Everything else reads settings through `readSetting`
 * and writes them through the backend's `project.setSetting`, which checks them here — there is no
 * other parser of settings.
 *
 * Adding a setting: one entry below. Changing a setting's shape: raise its `version` and add an
 * `upgrade` step from the old version (and a test with a value of the old version).
 */
import { z } from 'zod';
import { UserError } from '../contract/errors';
import { tableMapping } from '../contract/tableMappingSchema';
import { exportLayoutInput } from '../export/exportLayout';
import type { LocalizedText } from '../model/project';
import { mapSymbologySchema, type MapSymbology, defaultSymbologyFor } from '../mapView/mapSymbology';
import { LABEL_MODES, mapViewSpecSchema, SMALL_NUMBER_DISPLAYS } from '../mapView/mapViewSpec';
import { INDICATOR_MODES, type IndicatorMode } from '../indicators/indicatorMode';
import { monitoringDefinition } from '../monitoring/monitoringDefinition';
import { DEFAULT_MONITORING_NAME } from '../monitoring/monitoringTexts';

export interface SettingDefinition<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  defaultValue: z.output<Schema>;
  /** The version values are written in. */
  version: number;
  /** Reads a value stored before settings were typed (version 0: plain text). */
  fromText(text: string): unknown;
  /** `upgrade[n]` turns a value of version n (n ≥ 1) into one of version n + 1. */
  upgrade?: Readonly<Record<number, (value: unknown) => unknown>>;
  description: LocalizedText;
  /** What a valid value is, for the message when a value does not fit ("eine ganze Zahl ab 1"). */
  expected: LocalizedText;
}

function define<Schema extends z.ZodType>(definition: SettingDefinition<Schema>): SettingDefinition<Schema> {
  return definition;
}

const json = (text: string): unknown => JSON.parse(text);
function jsonObject(text: string): Record<string, unknown> {
  const value = json(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  return value as Record<string, unknown>;
}
const wholeNumber = (minimum: number) => z.number().int().min(minimum);

/** Choices that belong to the map, not to one indicator: labels, the basemap, how small numbers are shown. */
export const MAP_DISPLAY_SCHEMA = z.object({
  labels: z.enum(LABEL_MODES),
  basemap: z.boolean(),
  smallNumbers: z.enum(SMALL_NUMBER_DISPLAYS),
});
export type MapDisplay = z.output<typeof MAP_DISPLAY_SCHEMA>;

/** The settings with a fixed key. */
export const SETTINGS = {
  smallNumberThreshold: define({
    schema: wholeNumber(1),
    defaultValue: 3,
    version: 1,
    fromText: Number,
    description: { de: 'Schwelle kleiner Fallzahlen: Werte darunter werden markiert oder nicht ausgewiesen', en: 'Small-number threshold: counts below it are flagged or withheld' },
    expected: { de: 'eine ganze Zahl ab 1 (z. B. 3)', en: 'a whole number of at least 1 (e.g. 3)' },
  }),
  smallDenominatorThreshold: define({
    schema: wholeNumber(1),
    defaultValue: 50,
    version: 1,
    fromText: Number,
    description: { de: 'Raten mit kleinerer Bezugsgröße gelten als unsicher', en: 'Rates on a smaller denominator are flagged as uncertain' },
    expected: { de: 'eine ganze Zahl ab 1 (z. B. 50)', en: 'a whole number of at least 1 (e.g. 50)' },
  }),
  defaultIndicator: define({
    schema: z.string().min(1).nullable(),
    defaultValue: null,
    version: 1,
    fromText: (text) => text,
    description: { de: 'Kennzahl, die beim Öffnen gezeigt wird', en: 'Indicator shown when the project opens' },
    expected: { de: 'die ID einer Kennzahl', en: 'the id of an indicator' },
  }),
  demoSeed: define({
    schema: z.number().int().nullable(),
    defaultValue: null,
    version: 1,
    fromText: Number,
    description: { de: 'Startwert der synthetischen Beispieldaten', en: 'Seed of the synthetic demo data' },
    expected: { de: 'eine ganze Zahl', en: 'a whole number' },
  }),
  'map.display': define({
    schema: MAP_DISPLAY_SCHEMA,
    // Small numbers are withheld by default, as statistical offices publish them: a map on screen ends up
    // in a committee paper as often as an exported figure does.
    defaultValue: { labels: 'names', basemap: false, smallNumbers: 'suppress' },
    version: 1,
    // Before version 1 the map display held labels and basemap; how small numbers are shown was a
    // setting of the export layout (moved by migration 4 of the project file).
    fromText: (text) => ({ labels: 'names', basemap: false, smallNumbers: 'suppress', ...jsonObject(text) }),
    description: { de: 'Beschriftung, Hintergrundkarte und Darstellung kleiner Fallzahlen auf der Karte', en: 'Labels, basemap and small-number display of the map' },
    expected: { de: 'Beschriftung (off, names, namesAndValues), Hintergrundkarte (true/false) und kleine Fallzahlen (flag, suppress)', en: 'labels (off, names, namesAndValues), basemap (true/false) and small numbers (flag, suppress)' },
  }),
  'map.view': define({
    schema: mapViewSpecSchema.nullable(),
    defaultValue: null,
    version: 1,
    fromText: json,
    description: { de: 'Die zuletzt gespeicherte Kartenansicht (Kennzahl, Stichtag, Darstellung)', en: 'The map view last saved (indicator, Stichtag, symbology)' },
    expected: { de: 'eine vollständige Kartenansicht (Version 1)', en: 'a complete map view (version 1)' },
  }),
  'export.layout': define({
    schema: exportLayoutInput,
    defaultValue: {},
    version: 1,
    fromText: json,
    description: { de: 'Seitenlayout der Abbildungen (Format, Elemente, Positionen)', en: 'Layout of figures (page, elements, positions)' },
    expected: { de: 'ein Seitenlayout (Seite, Titel, Legende, Elemente)', en: 'a page layout (page, title, legend, elements)' },
  }),
  'wfs.vg250ew.url': define({
    schema: z.url(),
    defaultValue: 'https://sgx.geodatenzentrum.de/wfs_vg250-ew',
    version: 1,
    fromText: (text) => text,
    description: { de: 'Adresse des BKG-Dienstes VG250-EW', en: 'Address of the BKG VG250-EW service' },
    expected: { de: 'eine Web-Adresse (https://…)', en: 'a web address (https://…)' },
  }),
} as const;

/** Settings whose keys share a prefix, one per subject (indicator, table shape). */
export const SETTING_FAMILIES = {
  /** The symbology remembered per indicator and derivation ("map.symbology.foreign_share.index"). */
  'map.symbology.': define({
    schema: mapSymbologySchema,
    defaultValue: defaultSymbologyFor('value'),
    version: 1,
    fromText: (text) => text,
    description: { de: 'Klassifikation und Farben je Kennzahl', en: 'Classification and colours per indicator' },
    expected: { de: 'eine Klassifikation mit Methode, Klassen, Palette und Mitte', en: 'a classification with method, classes, palette and midpoint' },
  }),
  /** The column mapping remembered per table shape ("import.mapping.<header signature>"). */
  'import.mapping.': define({
    schema: tableMapping.omit({ period: true }),
    defaultValue: { layout: 'wide', keyColumn: null, valueColumns: [{ column: 0, variable: 'value', dimensions: {} }], dimensionColumns: [] },
    version: 1,
    fromText: json,
    description: { de: 'Spaltenzuordnung je Tabellenform', en: 'Column mapping per table shape' },
    expected: { de: 'eine Spaltenzuordnung', en: 'a column mapping' },
  }),
  /**
   * The sources tables of a shape went into, most recent first ("import.source.<header signature>"): a
   * renamed file of the same columns and areas (kita_2025.csv after kita_2024.csv) is proposed to extend
   * that source's series.
   */
  'import.source.': define({
    schema: z.array(z.string().min(1)),
    defaultValue: [],
    version: 1,
    fromText: json,
    description: { de: 'Quellen, in die Tabellen dieser Form importiert wurden', en: 'Sources tables of this shape were imported into' },
    expected: { de: 'eine Liste von Quellenkennungen', en: 'a list of source ids' },
  }),
  /** A named Sozialmonitoring definition ("monitoring.definition.<id>"): indicators, directions, floor, cut-offs, alert rules. */
  'monitoring.definition.': define({
    schema: monitoringDefinition,
    defaultValue: monitoringDefinition.parse({ name: DEFAULT_MONITORING_NAME.de, indicators: [{ id: 'refugees_per_1000', direction: '+' }] }),
    version: 1,
    fromText: json,
    description: { de: 'Monitoring-Definition (Kennzahlen, Richtungen, Schwellen, Regeln)', en: 'Monitoring definition (indicators, directions, thresholds, rules)' },
    expected: { de: 'eine Monitoring-Definition mit Name und mindestens einer Kennzahl', en: 'a monitoring definition with a name and at least one indicator' },
  }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>;
export type SettingFamily = keyof typeof SETTING_FAMILIES;
export type FamilyValue<F extends SettingFamily> = z.output<(typeof SETTING_FAMILIES)[F]['schema']>;

/** Decoded settings of a project: key → value in the current version (what the project summary carries). */
export type ProjectSettings = Readonly<Record<string, unknown>>;

/** The definition of a key (fixed or of a family), or undefined for a key Kleinraum does not know. */
export function settingDefinition(key: string): { definition: SettingDefinition; subject: string | null } | undefined {
  if (Object.prototype.hasOwnProperty.call(SETTINGS, key)) return { definition: SETTINGS[key as SettingKey] as SettingDefinition, subject: null };
  for (const [prefix, definition] of Object.entries(SETTING_FAMILIES)) {
    if (key.startsWith(prefix) && key.length > prefix.length) return { definition: definition as SettingDefinition, subject: key.slice(prefix.length) };
  }
  return undefined;
}

export type DecodedSetting = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * A stored value in the current version: text of version 0 read by `fromText`, JSON of later versions
 * upgraded step by step, then checked against the schema.
 * @example decodeStoredSetting('smallNumberThreshold', '5', 0) // { ok: true, value: 5 }
 */
export function decodeStoredSetting(key: string, text: string, version: number): DecodedSetting {
  const known = settingDefinition(key);
  if (!known) return { ok: false, reason: 'unknown key' };
  return decodeStoredValue(known.definition, key, known.subject, text, version);
}

/**
 * `decodeStoredSetting` for a given definition: the steps of `upgrade` run in order from the stored version;
 * a missing or failing step leaves the value unread (with the reason), never half upgraded.
 * @example decodeStoredValue(SETTINGS.smallNumberThreshold, 'smallNumberThreshold', null, '5', 1) // { ok: true, value: 5 }
 */
export function decodeStoredValue(definition: SettingDefinition, key: string, subject: string | null, text: string, version: number): DecodedSetting {
  if (version > definition.version) return { ok: false, reason: `version ${version} is newer than this Kleinraum knows (${definition.version})` };
  let value: unknown;
  try {
    value = version === 0 ? legacyValue(key, subject, text, definition) : JSON.parse(text);
    for (let step = Math.max(1, version); step < definition.version; step += 1) {
      const upgrade = definition.upgrade?.[step];
      if (!upgrade) return { ok: false, reason: `no upgrade from version ${step}` };
      value = upgrade(value);
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const parsed = definition.schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
}

/** Symbologies saved before version 1 were partial JSON with other names; complete them for their mode. */
function legacyValue(key: string, subject: string | null, text: string, definition: SettingDefinition): unknown {
  if (key.startsWith('map.symbology.') && subject !== null) return legacySymbology(subject, json(text));
  return definition.fromText(text);
}

function legacySymbology(subject: string, stored: unknown): MapSymbology {
  const modeText = subject.includes('.') ? subject.slice(subject.lastIndexOf('.') + 1) : 'value';
  const mode: IndicatorMode = (INDICATOR_MODES as readonly string[]).includes(modeText) ? (modeText as IndicatorMode) : 'value';
  const defaults = defaultSymbologyFor(mode);
  const old = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const { paletteId, fixAcrossPeriods, ...rest } = old;
  const renamed: Record<string, unknown> = { ...rest };
  if (paletteId !== undefined) renamed['palette'] = paletteId;
  if (fixAcrossPeriods !== undefined) renamed['fixedClasses'] = fixAcrossPeriods;
  const candidate = { ...defaults, ...renamed };
  return mapSymbologySchema.safeParse(candidate).success ? (candidate as MapSymbology) : defaults;
}

/**
 * The text and version to store for `value`; a UserError naming the setting when the value does not fit.
 * @example encodeSetting('smallNumberThreshold', 5) // { text: '5', version: 1 }
 */
export function encodeSetting(key: string, value: unknown): { text: string; version: number } {
  const known = settingDefinition(key);
  if (!known) {
    throw new UserError('bad-input', {
      de: `Die Einstellung „${key}“ kennt Kleinraum nicht. Bekannt sind: ${knownKeys().join(', ')}.`,
      en: `Kleinraum has no setting "${key}". Known settings: ${knownKeys().join(', ')}.`,
    });
  }
  const parsed = known.definition.schema.safeParse(value);
  if (!parsed.success) {
    const shown = JSON.stringify(value)?.slice(0, 80) ?? String(value);
    const { description, expected } = known.definition;
    throw new UserError('bad-input', {
      de: `Die Einstellung „${key}“ (${description.de}) muss ${expected.de} sein, nicht ${shown}.`,
      en: `The setting "${key}" (${description.en}) must be ${expected.en}, not ${shown}.`,
    });
  }
  return { text: JSON.stringify(parsed.data), version: known.definition.version };
}

function knownKeys(): string[] {
  return [...Object.keys(SETTINGS), ...Object.keys(SETTING_FAMILIES).map((prefix) => `${prefix}…`)];
}

/**
 * A setting of a decoded project, or its default.
 * @example readSetting(project.settings, 'smallNumberThreshold') // 3
 */
export function readSetting<K extends SettingKey>(settings: ProjectSettings, key: K): SettingValue<K> {
  return (Object.prototype.hasOwnProperty.call(settings, key) ? settings[key] : SETTINGS[key].defaultValue) as SettingValue<K>;
}

/**
 * A family member of a decoded project, or undefined when none is stored for the subject.
 * @example readFamilySetting(project.settings, 'map.symbology.', 'foreign_share')?.method // "jenks"
 */
export function readFamilySetting<F extends SettingFamily>(settings: ProjectSettings, family: F, subject: string): FamilyValue<F> | undefined {
  const key = `${family}${subject}`;
  return Object.prototype.hasOwnProperty.call(settings, key) ? (settings[key] as FamilyValue<F>) : undefined;
}
