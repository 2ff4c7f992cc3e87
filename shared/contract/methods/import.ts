/**
 * Contract methods for importing boundaries and statistics tables.
 *
 * The flow is always preview → report → confirm → write:
 * 1. `import.inspect { path }` says what a file is (boundaries or table), which layers / sheets it offers and,
 *    for tables, how it would be read (encoding, delimiter, header rows, first rows). Nothing is kept.
 * 2. `import.previewBoundaries` / `import.previewTable` / `import.fetchOfficialBoundaries` read the file
 *    (or the BKG web service) completely and return an `importId` plus a report: CRS, encoding, invalid
 *    geometries, duplicate keys, or the join report of a table against a layer of the open project. The
 *    pending import lives in the backend's memory; the project is NOT changed. Calling a preview again with
 *    other options (e.g. another encoding or mapping) returns a new importId; the UI should cancel the old one.
 * 3. `import.commit { importId, … }` writes everything in one transaction (a failure leaves the project as
 *    it was) and emits 'project.changed'. `import.cancel { importId }` drops a pending import.
 *
 * Progress: previews and commits emit 'progress' events with `taskId` = the `taskId` given in the input (or
 * the importId for commit). Pass a fresh `taskId` (e.g. crypto.randomUUID()) with a preview to follow its
 * progress and to cancel it while it runs (`import.cancel { importId: taskId }`); a cancelled preview fails
 * with a UserError of code 'cancelled'.
 *
 * Errors are UserErrors (German and English) that say what to choose, e.g. a missing CRS names the `crs`
 * option (CLI: --crs EPSG:N), a zip with several layers lists them (option `layer`).
 */
import { z } from 'zod';
import { FLOW_TERMS } from '../../movement/accountVariables';
import { featureCollection, localizedText, projectSummary, sourceQuality } from '../schemas';
import { tableMapping } from '../tableMappingSchema';

/** How a table's values enter the project: a further source, a replacement of one source's values, or an extension of its series. */
export const IMPORT_MODES = ['new-source', 'replace', 'extend'] as const;

/** A localised warning or note shown in the preview. */
const importNote = z.object({ code: z.string(), text: localizedText });

/** Text encodings the importer can read. */
export const textEncodingSchema = z.enum(['utf-8', 'windows-1252', 'iso-8859-1', 'cp850', 'utf-16le', 'utf-16be']);

/** How the text encoding was found, with a preview of words with umlauts so a person can judge it. */
export const encodingReport = z.object({
  /** Detected encoding (from a .cpg, a BOM or the bytes), null for formats that are always UTF-8 (GeoJSON, GeoPackage). */
  detected: textEncodingSchema.nullable(),
  /** 0..1; below ~0.8 the UI should show the preview prominently and offer the candidates. */
  confidence: z.number(),
  /** 'cpg' (from the .cpg file), 'bom', 'content' (guessed from the bytes), 'format' (fixed by the format). */
  how: z.enum(['cpg', 'bom', 'content', 'format']),
  /** Alternatives with a plausibility score, best first (for a "Zeichenkodierung" picker). */
  candidates: z.array(z.object({ encoding: textEncodingSchema, score: z.number() })),
  /** Up to 12 names / words with non-ASCII letters decoded with `used`, e.g. ["Rübenberge", "Lühnde"]. */
  preview: z.array(z.string()),
  /** The encoding actually used (the override when one was given). */
  used: textEncodingSchema.nullable(),
});

/** CRS detection: how it was found and which code is used for reprojection to WGS84. */
export const crsReport = z.object({
  /** "EPSG:N" recognised from .prj / GeoPackage / GeoJSON `crs`, or proposed from coordinate ranges; null when unknown. */
  detected: z.string().nullable(),
  how: z.enum(['authority', 'parameters', 'coordinate-range', 'given', 'none']),
  confidence: z.number(),
  alternatives: z.array(z.string()),
  /** The CRS used ("EPSG:N"): the override `crs` when given, else `detected`. */
  used: z.string(),
});

/** Source and attribution proposed for boundaries (BKG data is recognised from field names and quellenvermerk). */
export const boundarySourceProposal = z.object({
  /** True when the data was recognised as BKG's (VG250/VG5000 fields such as ARS, GEN, BEZ, or a quellenvermerk.txt). */
  isBkg: z.boolean(),
  name: z.string(),
  publisher: z.string(),
  /** ISO date of the data (from aktualitaet.txt / BEGINN / the file name), or null. */
  stichtag: z.string().nullable(),
  /** e.g. "© GeoBasis-DE / BKG 2021"; empty when unknown — then the UI should ask for it. */
  attribution: z.string(),
  licence: z.string(),
  licenceUrl: z.string().nullable(),
  /**
   * Where the attribution's year came from: 'aktualitaet' (aktualitaet.txt), 'file-name', 'attribute-date'
   * (latest BEGINN / Stand of the features), 'fetch-date' (web service asked that year), 'import-date' (the
   * data names no date: the year of today, to be checked by the user); null without attribution.
   */
  attributionYearFrom: z.enum(['aktualitaet', 'file-name', 'attribute-date', 'fetch-date', 'import-date']).nullable(),
});

export const boundaryReport = z.object({
  /** Features in the file before filtering. */
  featureCount: z.number().int(),
  /** Areas after filtering and merging duplicate keys (what would be written). */
  areaCount: z.number().int(),
  crs: crsReport,
  encoding: encodingReport,
  /** The attribute used as key (e.g. "AGS", or "ARS" when AGS is derived from it) and as name. */
  keyField: z.string(),
  nameField: z.string().nullable(),
  keyDerivation: z.enum(['as-is', 'ags-from-ars']),
  /** Invalid geometries: never dropped; repaired where safe, otherwise listed as not repaired. */
  invalidGeometries: z.object({
    found: z.number().int(),
    repaired: z.number().int(),
    list: z.array(z.object({ key: z.string(), problem: z.enum(['self-intersection', 'hole-outside-shell', 'too-few-points', 'empty']), repaired: z.boolean(), detail: z.string() })),
  }),
  /** Keys with several features (e.g. land and water part); merged into one area unless mergeDuplicateKeys is false. */
  duplicateKeys: z.array(z.object({ key: z.string(), featureCount: z.number().int() })),
  filteredOut: z.object({ byKeyPrefix: z.number().int(), byMissingAttributes: z.number().int(), withoutKey: z.number().int(), withoutGeometry: z.number().int(), deletedRecords: z.number().int() }),
  /** Features with an empty name; `dropped` when they were left out (proposed when only a few lack a name, e.g. slivers). */
  withoutName: z.object({ count: z.number().int(), dropped: z.boolean() }),
  /** The attribute the areas were dissolved on (input dissolveByField), else null. */
  dissolvedBy: z.string().nullable(),
  /** All attribute names of the source, for the key / name pickers. */
  fields: z.array(z.string()),
  /** Non-fatal notes, e.g. 'layer-exists' when a layer of the proposed name is already in the project. */
  warnings: z.array(importNote),
});

export const boundaryPreview = z.object({
  importId: z.string(),
  kind: z.literal('boundaries'),
  /** Proposed feature-table name (from the file, e.g. "vg5000_gem"); commit may rename it with `layerName`. */
  layerName: z.string(),
  /** Proposed layer title shown on maps and figures (BKG layers: "Gemeinden (VG250)"; else the layer name); commit may override it with `layerTitle`. */
  layerTitle: localizedText,
  report: boundaryReport,
  source: boundarySourceProposal,
  /** The areas that would be written, sorted by key. */
  areas: z.array(z.object({ key: z.string(), name: z.string(), areaKm2: z.number() })),
  /** Simplified geometry (WGS84) for a map preview; `properties.invalid` is true for areas listed in invalidGeometries. */
  preview: featureCollection,
});

/** Boundaries: all options are optional; a missing needed choice fails with a message naming it. */
export const previewBoundariesInput = z.object({
  path: z.string().min(1),
  /** Layer in a zip / GeoPackage (from `import.inspect` → layers[].name; a unique suffix like "VG250_GEM" is enough). */
  layer: z.string().optional(),
  /** "EPSG:25832" etc.; needed when there is no .prj (the error then names the proposal). */
  crs: z.string().optional(),
  encoding: textEncodingSchema.optional(),
  keyField: z.string().optional(),
  nameField: z.string().optional(),
  /** Keep only areas whose key starts with this, e.g. "03241" (Region Hannover). */
  filterKeyPrefix: z.string().optional(),
  /** Default true: several features with one key become one area. */
  mergeDuplicateKeys: z.boolean().optional(),
  /**
   * Dissolve on this attribute: one area per value, its parts united (turf union), e.g. "STADTBZNR" makes 13
   * Stadtbezirke of 51 Stadtteile. The value becomes the key; the name is the attribute that is constant per value.
   */
  dissolveByField: z.string().optional(),
  /** Leave out features without a name. Default: proposed (true) when some but fewer than half lack one; see report.withoutName. */
  dropUnnamed: z.boolean().optional(),
  /**
   * Default true: `preview` holds a simplified copy of the areas for the wizard's map. The CLI, which draws
   * no map, passes false and gets an empty collection (for 11 000 areas that saves a quarter of a second).
   */
  mapPreview: z.boolean().optional(),
  /** Client-chosen id for progress events and cancel while the preview runs; becomes the importId. */
  taskId: z.string().optional(),
});

/** Column description of a parsed table (see shared/fileFormats/table/parsedTable.ts). */
export const tableColumn = z.object({
  index: z.number().int(),
  /** Header parts joined with " / ", e.g. "männlich / unter 3 Jahre". */
  label: z.string(),
  headerParts: z.array(z.string()),
  kind: z.enum(['key', 'name', 'date', 'number', 'text', 'empty']),
  decimal: z.enum([',', '.']),
  /** A Stichtag found in the header as ISO date, e.g. "2018-12-31". */
  period: z.string().nullable(),
  counts: z.object({ numbers: z.number().int(), missing: z.number().int(), text: z.number().int(), empty: z.number().int() }),
});

/** How a table file was read, with its first rows (cells as text, umlauts decoded). */
export const tablePreview = z.object({
  encoding: encodingReport,
  /** ';' ',' '\t' '|' for text files, null for XLSX. */
  delimiter: z.string().nullable(),
  decimal: z.enum([',', '.']),
  thousands: z.array(z.string()),
  titleLines: z.array(z.string()),
  headerRows: z.array(z.array(z.string())),
  footerNotes: z.array(z.string()),
  columns: z.array(tableColumn),
  /** Data rows found (aggregates included). */
  rowCount: z.number().int(),
  /** The first rows (up to 50): `rowIndex` is the stable row id used in join reports and acceptedNameMatches. */
  rows: z.array(z.object({ rowIndex: z.number().int(), lineNumber: z.number().int(), cells: z.array(z.string()), indent: z.number().int() })),
  keyColumn: z.number().int().nullable(),
  /** GV-ISys style: Land + RB + Kreis + Gemeinde columns form the key. */
  compositeKeyColumns: z.array(z.number().int()),
  nameColumn: z.number().int().nullable(),
  /** Stichtag found in the title lines. */
  titlePeriod: z.string().nullable(),
  warnings: z.array(importNote),
});

export const joinReportSchema = z.object({
  /** The project layer the rows were joined to. */
  layer: z.string(),
  layerLevel: z.enum(['germany', 'land', 'regierungsbezirk', 'kreis', 'gemeindeverband', 'gemeinde']).nullable(),
  matchedCount: z.number().int(),
  matched: z.array(z.object({ rowIndex: z.number().int(), areaKey: z.string(), via: z.enum(['key', 'restored-leading-zero', 'ars-to-ags', 'city-state']) })),
  unmatchedRows: z.array(
    z.object({ rowIndex: z.number().int(), lineNumber: z.number().int(), keyText: z.string(), name: z.string(), reason: z.enum(['unknown-key', 'no-key', 'finer-level', 'other-region']) }),
  ),
  /**
   * The unmatched rows counted by reason, largest first, with a sentence each (e.g. "10.765 Zeilen außerhalb
   * des Gebiets 03241 (399 andere Kreise)"); `unmatchedRows` stays the complete list.
   */
  unmatchedSummary: z.array(
    z.object({
      reason: z.enum(['unknown-key', 'no-key', 'finer-level', 'other-region']),
      count: z.number().int(),
      region: z.string().nullable(),
      otherKreise: z.number().int(),
      examples: z.array(z.string()),
      text: localizedText,
    }),
  ),
  areasWithoutData: z.array(z.object({ key: z.string(), name: z.string() })),
  duplicateKeys: z.array(z.object({ areaKey: z.string(), rowIndexes: z.array(z.number().int()) })),
  /** Kreis / Land / Germany rows: recognised and kept out of the area data. */
  aggregateRows: z.array(
    z.object({ rowIndex: z.number().int(), lineNumber: z.number().int(), key: z.string(), name: z.string(), level: z.string(), value: z.number().nullable() }),
  ),
  /** Name matches for unmatched rows: never applied unless listed in commit's acceptedNameMatches. */
  nameProposals: z.array(
    z.object({ rowIndex: z.number().int(), rowName: z.string(), areaKey: z.string(), areaName: z.string(), kind: z.enum(['exact', 'parentheses']), confidence: z.number() }),
  ),
  restoredLeadingZeros: z.number().int(),
  /** The first restored key as the file gives it and as matched (the report's example); null when none. */
  restoredLeadingZeroExample: z.object({ given: z.string(), key: z.string() }).nullable(),
  /** City-states' Land rows taken as their one area of the layer ("02 Hamburg" → 02000). */
  cityStateRows: z.array(z.object({ key: z.string(), areaKey: z.string(), name: z.string() })),
  /** Total rows not checked because an area inside has no value ("." for secrecy); absent in older answers. */
  totalsUnchecked: z.array(z.object({ aggregateKey: z.string(), aggregateName: z.string(), areasWithoutValue: z.number().int() })).optional(),
  /**
   * The first value column's variable when its values are shares, rates or means (they do not add up over
   * areas), so the totals check was left out; null or absent when it was made or there were no total rows.
   */
  totalsNotAdditive: localizedText.nullable().optional(),
  /** Sum of the municipalities against the Kreis row (first value column). */
  totals: z.array(
    z.object({
      aggregateKey: z.string(),
      aggregateName: z.string(),
      aggregateValue: z.number(),
      sumOfAreas: z.number(),
      areaCount: z.number().int(),
      difference: z.number(),
      consistent: z.boolean(),
      /** The unit the figures are published rounded to (5 for Schutzsuchende), when recognisably rounded. */
      roundedTo: z.number().nullable().optional(),
      /** Long tables: the Stichtag this check is for (one check per aggregate and Stichtag). */
      period: z.string().nullable().optional(),
    }),
  ),
});

export const tablePreviewResult = z.object({
  importId: z.string(),
  kind: z.literal('table'),
  fileName: z.string(),
  /** XLSX sheets (for the sheet picker); empty for text files. */
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  table: tablePreview,
  /** The mapping used for this preview: the input's, a remembered one, or the proposal. */
  mapping: tableMapping,
  /** 'input', 'remembered' (settings key import.mapping.<headerSignature>), or 'proposed' (detected). */
  mappingFrom: z.enum(['input', 'remembered', 'proposed']),
  /** Identifies the table's shape (header texts) for remembering the mapping. */
  headerSignature: z.string(),
  joinReport: joinReportSchema,
  /** What commit would write (with the current mapping, before accepted name matches). */
  observations: z.object({
    count: z.number().int(),
    missingCount: z.number().int(),
    periods: z.array(z.string()),
    /**
     * The file's variables; `unit` is a new variable's proposed unit (or a known one's own). `movement`: the
     * stock a movement variable changes and how (arrivals, departures …), by the id convention of the
     * balance (shared/movement/accountVariables.ts), for a new variable as proposed, else as stored; null for a stock.
     */
    variables: z.array(z.object({ id: z.string(), isNew: z.boolean(), name: localizedText, unit: z.string(), movement: z.object({ stock: z.string(), term: z.enum(FLOW_TERMS) }).nullable() })),
    dimensions: z.array(z.object({ id: z.string(), isNew: z.boolean(), values: z.array(z.string()) })),
    /** "Insgesamt" rows checked against the sum of their parts (first 200). */
    breakdownTotals: z.array(z.object({ areaKey: z.string(), variable: z.string(), period: z.string(), dimension: z.string(), total: z.number(), sumOfParts: z.number() })),
    /** Rows kept as the parent's reported total (e.g. the Kreis row). */
    reportedTotalRows: z.number().int(),
    /** Rows kept as "nicht zuordenbar". */
    unassignableRows: z.number().int(),
    /** Of `count`, the values kept under the parent's key (reported total, "nicht zuordenbar"): written and checked, never added to the areas. */
    keptUnderParent: z.number().int(),
  }),
  /**
   * Sources that already hold the file's variables, with their Stichtage and those the file shares: when
   * any are shared, the wizard asks whether the file is a further source, replaces one, or extends one.
   */
  existingSources: z.array(
    z.object({ variable: z.string(), sources: z.array(z.object({ id: z.string(), name: z.string(), periods: z.array(z.string()), sharedPeriods: z.array(z.string()) })) }),
  ),
  /** The source whose values the file repeats completely (it was imported before), or null; see sourceRepeatedBy. */
  repeatedSource: z.object({ id: z.string(), name: z.string() }).nullable(),
  /**
   * The source the file most likely continues: it holds the file's variables and was imported from a file
   * of this name or carries the name the file's source would get. `extend` when the file brings only new
   * Stichtage (the same file of a later date), `replace` when it also brings ones the source has (a series
   * downloaded again, a corrected file). A renamed file of the same columns as the last table imported into
   * a source continues it too, but only with new Stichtage (`reason: 'tableLayout'`). The wizard proposes
   * that instead of a further source of the same name. Null otherwise, and for a file that only repeats a
   * source (`repeatedSource`).
   */
  continuedSource: z
    .object({
      id: z.string(),
      name: z.string(),
      mode: z.enum(['extend', 'replace']),
      /** Taken for that source's file by its file name (or the name its source would get), or by its columns (a renamed file). */
      reason: z.enum(['fileName', 'tableLayout']),
    })
    .nullable(),
  /** The names of the project's sources: a new source must not take one of them (see shared/sources/sourceNames). */
  sourceNames: z.array(z.string()),
  /** Rows repeat area keys that the mapping does not tell apart: the column that would (a breakdown), or null. */
  repeatedKeyHint: z
    .object({ areaCount: z.number().int(), exampleKey: z.string(), column: z.number().int().nullable(), columnLabel: z.string().nullable(), text: localizedText })
    .nullable(),
  /**
   * Proposed source: name from the title (else the file name; with the file's Stichtag when a source of
   * the project already has that name), publisher from the footer's "©" line, Stichtag from header/period.
   */
  source: z.object({ name: z.string(), publisher: z.string(), stichtag: z.string().nullable(), attribution: z.string() }),
});

export const previewTableInput = z.object({
  path: z.string().min(1),
  /** XLSX worksheet name. */
  sheet: z.string().optional(),
  encoding: textEncodingSchema.optional(),
  delimiter: z.enum([';', ',', '\t', '|']).optional(),
  decimal: z.enum([',', '.']).optional(),
  headerRows: z.number().int().min(0).optional(),
  /** Project layer to join to; defaults to the project's first layer. */
  layer: z.string().optional(),
  /** Omit for the first preview: the backend proposes (or remembers) one and returns it. */
  mapping: tableMapping.optional(),
  /**
   * Units the planner gave new variables, by variable id, and for all of them (as `variableUnits` and
   * `unit` of the commit): the totals check follows them, so a column typed as "%" is not added up.
   */
  variableUnits: z.record(z.string(), z.string().max(40)).optional(),
  unit: z.string().max(40).optional(),
  taskId: z.string().optional(),
});

export const inspectResult = z.object({
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  kind: z.enum(['boundaries', 'table']),
  format: z.enum(['shapefile-zip', 'shapefile', 'geojson', 'geopackage', 'csv', 'xlsx', 'dbf']),
  /** Boundary layers (zip / GeoPackage: several; pass one as `layer`). Empty for tables. */
  layers: z.array(z.object({ name: z.string(), kind: z.enum(['shapefile', 'geojson', 'geopackage']) })),
  /** XLSX sheets. */
  sheets: z.array(z.string()),
  /** For tables: how the (first) sheet would be read. */
  table: tablePreview.nullable(),
});

export const commitInput = z.object({
  importId: z.string(),
  /** Keep the project as it was for undo (default true); the command line, which cannot undo, says false. */
  undoable: z.boolean().optional(),
  /** Table imports: name proposals the user confirmed (row → area). Others stay unmatched and are not written. */
  acceptedNameMatches: z.array(z.object({ rowIndex: z.number().int(), areaKey: z.string() })).optional(),
  /** Boundaries: name of the new layer (letters, digits, _), default the proposed layerName. */
  layerName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/).optional(),
  /** Boundaries: replace an existing layer of that name (otherwise a name clash is an error). */
  replaceLayer: z.boolean().optional(),
  /** Layer title shown in the UI. */
  layerTitle: localizedText.optional(),
  /** Source fields override the proposal (e.g. when the attribution was not recognised). */
  sourceName: z.string().optional(),
  /**
   * Table imports into a new source: what its values are — counted (default), estimated (a Sozialamt's
   * estimate) or projected (a Fortschreibung, a forecast). Legends, tables and exports label them so. Values
   * added to an existing source take that source's quality.
   */
  quality: sourceQuality.optional(),
  publisher: z.string().optional(),
  attribution: z.string().optional(),
  licence: z.string().optional(),
  /** Stichtag (ISO) when the data states none: table rows without a period, or EWZ of an official WFS fetch whose population.stichtag is null. */
  period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Table imports: names of new variables, by variable id. */
  variableNames: z.record(z.string(), localizedText).optional(),
  /** Unit of new variables (default: the proposal, "Personen" unless the values have fractions). */
  unit: z.string().optional(),
  /** Table imports: units of new variables, by variable id (before `unit`). */
  variableUnits: z.record(z.string(), z.string().max(40)).optional(),
  /**
   * Table imports: what new variables count, by variable id — 'stock' (persons at the Stichtag) or 'flow'
   * (movements in the period ending at the Stichtag: arrivals, departures, births …). Default: 'flow' where
   * the id names a movement of a stock by the balance's convention (refugee_arrivals), else 'stock'.
   */
  variableKinds: z.record(z.string(), z.enum(['stock', 'flow'])).optional(),
  /** Create an absolute-value indicator for each new variable (default true). */
  createIndicators: z.boolean().optional(),
  /** Remember the mapping for files with the same headers (default true). */
  rememberMapping: z.boolean().optional(),
  /**
   * Tables: how the values enter the project — as a further source next to those that already hold the
   * variables ('new-source', the default: nothing is refused, nothing added up), replacing the values of
   * `targetSourceId` for the file's Stichtage ('replace'), or extending that source's series with new
   * Stichtage ('extend'; default target: the variable's first chosen source).
   */
  mode: z.enum(IMPORT_MODES).optional(),
  targetSourceId: z.string().min(1).optional(),
  /** Who the new source counts ("wer wird gezählt"). */
  definition: z.string().max(2000).optional(),
  /** Compute everything a commit would write and change, then leave the project as it was (the preview of a replace). */
  dryRun: z.boolean().optional(),
});

export const commitResult = z.object({
  kind: z.enum(['boundaries', 'table']),
  /** The layer written (boundaries) or joined to (table). */
  layer: z.string(),
  /** Boundaries: areas written. */
  features: z.number().int().nullable(),
  /** Table: rows matched and written (after accepted name matches). */
  rows: z.number().int().nullable(),
  observations: z.number().int(),
  sourceId: z.string(),
  variablesCreated: z.array(z.string()),
  indicatorsCreated: z.array(z.string()),
  mode: z.enum(IMPORT_MODES),
  source: z.object({ id: z.string(), name: z.string() }),
  written: z.object({ observations: z.number().int(), variables: z.array(z.string()), periods: z.array(z.string()) }),
  /** For replace and extend: what changed in the target source. */
  changes: z
    .object({
      added: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      removed: z.number().int(),
      /** The areas whose values go, named: an area of the layer by its name, else the parent's reported total or "nicht zuordenbar". */
      removedAreas: z.array(z.object({ key: z.string(), name: localizedText })),
    })
    .nullable(),
  /** "Insgesamt" rows of breakdown columns checked against their parts (and how many disagree). */
  breakdownTotals: z.object({ checked: z.number().int(), mismatched: z.number().int() }),
  /** Values written as the reported total of the layer's parent (e.g. the Kreis row). */
  reportedTotals: z.number().int(),
  /** Values written as "nicht zuordenbar" under the parent. */
  unassignable: z.number().int(),
  /** What was written where, in both languages, for the success message. */
  message: localizedText,
  /** True when nothing was written (dryRun). */
  dryRun: z.boolean(),
  /** The project as it was before this import, for undo (`project.restoreCheckpoint`); null for a dry run. */
  checkpoint: z.string().nullable(),
  summary: projectSummary,
});

export const fetchOfficialBoundariesInput = z.object({
  /** Kreis key (5 digits), e.g. "03241" for Region Hannover. */
  kreis: z.string().regex(/^\d{5}$/),
  /** Defaults to the project setting `wfs.vg250ew.url`, else https://sgx.geodatenzentrum.de/wfs_vg250-ew. */
  serviceUrl: z.string().url().optional(),
  /** Ignore the cached response and ask the service again. */
  refresh: z.boolean().optional(),
  taskId: z.string().optional(),
});

export const importMethods = {
  /** What a file is and how it would be read. Nothing is kept. */
  'import.inspect': { input: z.object({ path: z.string().min(1), sheet: z.string().optional() }), output: inspectResult },
  /** Reads boundaries and returns the report and a map preview; writes nothing. */
  'import.previewBoundaries': { input: previewBoundariesInput, output: boundaryPreview },
  /** Reads a table, maps it and joins it to a layer of the open project; writes nothing. */
  'import.previewTable': { input: previewTableInput, output: tablePreviewResult },
  /**
   * "Amtliche Grenzen laden": the municipalities of a Kreis with population (EWZ) and area (KFL) from BKG's
   * VG250-EW web feature service, cached in the data folder. Returns a boundary preview; commit writes the
   * layer plus observations of "population" (EWZ) and "area_km2" (KFL) with BKG's source and attribution.
   * Offline: a UserError saying so (and suggesting a file import instead).
   */
  'import.fetchOfficialBoundaries': {
    input: fetchOfficialBoundariesInput,
    output: boundaryPreview.extend({
      serviceUrl: z.string(),
      fromCache: z.boolean(),
      /** ISO timestamp of the response used. */
      fetchedAt: z.string(),
      /** Stichtag of EWZ, e.g. "2022-12-31", and its sum over the areas. */
      population: z.object({ stichtag: z.string().nullable(), total: z.number().nullable() }),
    }),
  },
  /** Writes a pending import in one transaction; the pending import is then gone. */
  'import.commit': { input: commitInput, output: commitResult },
  /** Drops a pending import or stops a running preview (by its taskId). */
  'import.cancel': { input: z.object({ importId: z.string() }), output: z.object({ cancelled: z.boolean() }) },
} as const;

export type BoundaryPreview = z.output<typeof boundaryPreview>;
export type TablePreviewResult = z.output<typeof tablePreviewResult>;
export type TableMapping = z.output<typeof tableMapping>;
export type InspectResult = z.output<typeof inspectResult>;
export type CommitResult = z.output<typeof commitResult>;
