/**
 * `kleinraum import P.gpkg INPUT [--layer NAME] [--crs EPSG:N] [--encoding NAME] [--filter-key-prefix PREFIX]
 * [--key FIELD] [--name-field FIELD] [--dissolve-by FIELD] [--keep-unnamed] [--period P] [--source NAME]
 * [--variable ID] [--variable-name ID=NAME …] [--unit [ID=]UNIT …] [--as new-source|replace:SOURCE_ID|extend]
 * [--dimension COLUMN=DIMENSION …]`: imports
 * boundaries or a table into P (created when missing) through the same preview → commit services the app
 * uses. A table is a further source by default; `--as` replaces one source's values or extends its series.
 * Non-interactive: a choice the file does not settle makes it fail with a message naming the flag. P is
 * only written after a successful commit, atomically; a failed import leaves it as it was.
 */
import { coarserTableWarning, totalsVerdictText } from '../../../../shared/fileFormats/join/joinReport';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../../shared/contract/errors';
import { layerIdentifier, layerTitleToStore } from '../../../../shared/fileFormats/layerName';
import type { MethodOutput } from '../../../../shared/contract/api';
import { sourceQuality } from '../../../../shared/contract/schemas';
import type { BoundaryPreview, TableMapping, TablePreviewResult } from '../../../../shared/contract/methods/import';
import { boundaryRecordAccount, tableRecordAccount } from '../../../../shared/fileFormats/join/recordAccount';
import { formatDate, formatNumber } from '../../../../shared/format/number';
import { localized, message, translate } from '../../../../shared/i18n/translate';
import { CliUsageError, type CliCommand, type CliContext } from '../command';
import { OFFICIAL_AREA_VARIABLE } from '../../../../shared/model/project';

function option(context: CliContext, name: string): string | undefined {
  const value = context.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A column given by header text (case-insensitive) or 1-based number. */
function columnIndex(preview: TablePreviewResult, given: string, flag: string): number {
  const columns = preview.table.columns;
  if (/^\d+$/.test(given) && Number(given) >= 1 && Number(given) <= columns.length) return Number(given) - 1;
  const found = columns.find((column) => column.label.toLowerCase() === given.toLowerCase() || column.headerParts.some((part) => part.toLowerCase() === given.toLowerCase()));
  if (found) return found.index;
  throw new UserError('bad-input', {
    de: `Die Spalte „${given}“ (${flag}) gibt es nicht. Spalten: ${columns.map((column) => `${column.index + 1} ${column.label || '(ohne Titel)'}`).join(', ')}.`,
    en: `There is no column "${given}" (${flag}). Columns: ${columns.map((column) => `${column.index + 1} ${column.label || '(untitled)'}`).join(', ')}.`,
  });
}

/** Preview warnings about the proposed layer name. */
const NAME_WARNINGS = new Set(['foreign-table-name', 'layer-exists']);

function boundaryDocument(preview: BoundaryPreview, committed: MethodOutput<'import.commit'>) {
  const layer = committed.layer;
  return {
    kind: 'boundaries' as const,
    layer,
    features: preview.areas.length,
    crs: { detected: preview.report.crs.detected, used: preview.report.crs.used },
    encoding: { detected: preview.report.encoding.detected, used: preview.report.encoding.used },
    invalidGeometries: { found: preview.report.invalidGeometries.found, repaired: preview.report.invalidGeometries.repaired },
    join: { matched: preview.areas.length, unmatchedRows: [], unmatchedSummary: [], areasWithoutData: [], duplicateKeys: preview.report.duplicateKeys.map((duplicate) => duplicate.key) },
    // The source as written: the name the commit gave it (typed, or the proposal made distinct), with the proposal's details.
    source: { ...preview.source, id: committed.source.id, name: committed.source.name },
    duplicateKeys: preview.report.duplicateKeys,
    filteredOut: preview.report.filteredOut,
    withoutName: preview.report.withoutName,
    dissolvedBy: preview.report.dissolvedBy,
    // The preview's notes on its proposed name no longer apply when the layer got another one (--layer-name).
    warnings: preview.report.warnings
      .filter((warning) => layer === preview.layerName || !NAME_WARNINGS.has(warning.code))
      .map((warning) => ({ code: warning.code, de: warning.text.de, en: warning.text.en })),
    records: boundaryRecordAccount(preview.report),
  };
}

function tableDocument(preview: TablePreviewResult, committed: MethodOutput<'import.commit'>) {
  const report = preview.joinReport;
  return {
    kind: 'table' as const,
    layer: report.layer,
    rows: committed.rows ?? 0,
    observations: committed.observations,
    source: committed.source,
    mode: committed.mode,
    written: committed.written,
    changes: committed.changes,
    dimensions: preview.mapping.dimensionColumns.map((entry) => ({
      column: preview.table.columns[entry.column]?.label ?? String(entry.column + 1),
      dimension: entry.dimension,
      values: [...new Set(Object.values(entry.values ?? {}))].filter((value) => value !== '*'),
    })),
    breakdownTotals: committed.breakdownTotals,
    reportedTotals: committed.reportedTotals,
    unassignable: committed.unassignable,
    message: { de: committed.message.de, en: committed.message.en },
    crs: { detected: null, used: null },
    encoding: { detected: preview.table.encoding.detected, used: preview.table.encoding.used },
    invalidGeometries: { found: 0, repaired: 0 },
    join: {
      matched: report.matchedCount,
      unmatchedRows: report.unmatchedRows.map((row) => ({ line: row.lineNumber, key: row.keyText, name: row.name, reason: row.reason })),
      unmatchedSummary: report.unmatchedSummary.map((group) => ({ reason: group.reason, count: group.count, region: group.region, otherKreise: group.otherKreise, examples: group.examples, de: group.text.de, en: group.text.en })),
      areasWithoutData: report.areasWithoutData.map((area) => area.key),
      duplicateKeys: report.duplicateKeys.map((duplicate) => duplicate.areaKey),
      aggregateRows: report.aggregateRows.map((row) => ({ line: row.lineNumber, key: row.key, name: row.name, level: row.level, value: row.value })),
      totals: report.totals,
      totalsUnchecked: report.totalsUnchecked ?? [],
      totalsNotAdditive: report.totalsNotAdditive ?? null,
      restoredLeadingZeros: report.restoredLeadingZeros,
    },
    mapping: preview.mapping,
    sourceProposal: preview.source,
    existingSources: preview.existingSources,
    records: tableRecordAccount(preview.table.rowCount, {
      matchedCount: report.matchedCount,
      aggregateRowCount: report.aggregateRows.length,
      unmatched: report.unmatchedSummary.map((group) => ({ reason: group.reason, count: group.count })),
    }),
    warnings: tableWarnings(preview),
  };
}

/** Notes on the table and the join that the planner must see, including keys that lost a leading zero. */
function tableWarnings(preview: TablePreviewResult): { code: string; de: string; en: string }[] {
  const warnings = preview.table.warnings.map((warning) => ({ code: warning.code, de: warning.text.de, en: warning.text.en }));
  const restored = preview.joinReport.restoredLeadingZeros;
  const example = preview.joinReport.restoredLeadingZeroExample;
  if (restored > 0) {
    const text = message('import.joinRestoredNote', (locale) => ({ count: formatNumber(restored, 0, locale), given: example?.given ?? '', key: example?.key ?? '' }));
    warnings.push({ code: 'restored-leading-zeros', ...text });
  }
  const cityStates = preview.joinReport.cityStateRows;
  if (cityStates.length > 0) {
    const list = cityStates.map((row) => `${row.key} ${row.name} → ${row.areaKey}`).join(', ');
    warnings.push({ code: 'city-state-rows', ...message('import.joinCityStates', () => ({ list })) });
  }
  const coarser = { de: coarserTableWarning(preview.joinReport, 'de'), en: coarserTableWarning(preview.joinReport, 'en') };
  if (coarser.de !== null && coarser.en !== null) warnings.push({ code: 'coarser-table', de: coarser.de, en: coarser.en });
  return warnings;
}

/** `--as new-source|replace:SOURCE_ID|extend` as the commit's mode and target. */
function importMode(context: CliContext): { mode?: 'new-source' | 'replace' | 'extend'; targetSourceId?: string } {
  const given = option(context, 'as');
  if (given === undefined || given === 'new-source') return given ? { mode: 'new-source' } : {};
  if (given === 'extend') return { mode: 'extend' };
  const replace = /^replace:(.+)$/.exec(given);
  if (replace) return { mode: 'replace', targetSourceId: replace[1] as string };
  throw new CliUsageError({
    de: `--as: „${given}“ ist nicht möglich. Möglich: new-source (weitere Quelle), replace:QUELLEN_ID (Werte einer Quelle ersetzen), extend (Reihe erweitern).`,
    en: `--as: "${given}" is not possible. Possible: new-source, replace:SOURCE_ID, extend.`,
  });
}

/** The mapping with the flags applied: key and name columns, the variable of the values, breakdown columns. */
function mappingFromFlags(context: CliContext, preview: TablePreviewResult): TableMapping | null {
  const key = option(context, 'key');
  const nameField = option(context, 'name-field');
  const variable = option(context, 'variable');
  const dimensionFlags = stringList(context, 'dimension');
  if (!key && !nameField && !variable && dimensionFlags.length === 0) return null;
  let mapping: TableMapping = {
    ...preview.mapping,
    keyColumn: key ? columnIndex(preview, key, '--key') : preview.mapping.keyColumn,
    nameColumn: nameField ? columnIndex(preview, nameField, '--name-field') : preview.mapping.nameColumn,
  };
  if (dimensionFlags.length > 0) {
    const dimensionColumns = dimensionFlags.map((flag) => {
      const separator = flag.lastIndexOf('=');
      if (separator <= 0 || separator === flag.length - 1) {
        throw new CliUsageError({ de: `--dimension „${flag}“: bitte SPALTE=MERKMAL angeben, z. B. --dimension Geschlecht=sex.`, en: `--dimension "${flag}": please give COLUMN=DIMENSION, e.g. --dimension Geschlecht=sex.` });
      }
      return { column: columnIndex(preview, flag.slice(0, separator), '--dimension'), dimension: flag.slice(separator + 1).trim() };
    });
    const taken = new Set(dimensionColumns.map((entry) => entry.column));
    mapping = { ...mapping, layout: 'long', dimensionColumns, valueColumns: mapping.valueColumns.filter((entry) => !taken.has(entry.column)) };
  }
  if (variable) {
    if (!/^[a-z][a-z0-9_]*$/.test(variable)) {
      throw new CliUsageError({ de: `--variable: „${variable}“ ist keine gültige Variablen-ID (Kleinbuchstaben, Ziffern, _; siehe kleinraum info).`, en: `--variable: "${variable}" is not a valid variable id (lower-case letters, digits, _; see kleinraum info).` });
    }
    // The table's main count is its first value column (with the columns that break the same figure down):
    // those measure the variable. Further columns keep their own figures (AsylbLG: "weiblich", "maennlich"
    // as their own), and a table that already maps a column to the variable is left as proposed (GV-ISys:
    // area and population) — naming every column the variable made them one duplicated figure.
    const main = mapping.valueColumns[0]?.variable;
    if (!mapping.valueColumns.some((entry) => entry.variable === variable)) {
      mapping = { ...mapping, valueColumns: mapping.valueColumns.map((entry) => (entry.variable === main ? { ...entry, variable } : entry)) };
    }
  }
  return mapping;
}

/**
 * `--variable-name ID=NAME …` and `--unit [ID=]UNIT …` as the commit's names and units of new variables
 * (the wizard's "Neue Merkmale"); a unit without ID applies to every new variable. Ids are checked against
 * the preview's new variables, so a typo is refused rather than silently ignored.
 */
function variableEditsFromFlags(context: CliContext, preview: TablePreviewResult): { variableNames?: Record<string, { de: string; en: string }>; variableUnits?: Record<string, string>; unit?: string } {
  const fresh = preview.observations.variables.filter((variable) => variable.isNew).map((variable) => variable.id);
  const idOf = (id: string, flag: string) => {
    if (fresh.includes(id)) return id;
    throw new CliUsageError({
      de: `${flag}: „${id}“ ist keine neue Variable dieser Tabelle. Neu sind: ${fresh.join(', ') || '(keine)'}.`,
      en: `${flag}: "${id}" is not a new variable of this table. New are: ${fresh.join(', ') || '(none)'}.`,
    });
  };
  const edits: { variableNames?: Record<string, { de: string; en: string }>; variableUnits?: Record<string, string>; unit?: string } = {};
  for (const flag of stringList(context, 'variable-name')) {
    const separator = flag.indexOf('=');
    const name = flag.slice(separator + 1).trim();
    if (separator <= 0 || name === '') {
      throw new CliUsageError({ de: `--variable-name „${flag}“: bitte ID=NAME angeben, z. B. --variable-name ewz=Einwohner.`, en: `--variable-name "${flag}": please give ID=NAME, e.g. --variable-name ewz=Einwohner.` });
    }
    edits.variableNames = { ...edits.variableNames, [idOf(flag.slice(0, separator).trim(), '--variable-name')]: { de: name, en: name } };
  }
  for (const flag of stringList(context, 'unit')) {
    const separator = flag.indexOf('=');
    if (separator < 0) edits.unit = flag.trim();
    else {
      const id = idOf(flag.slice(0, separator).trim(), '--unit');
      if (id === OFFICIAL_AREA_VARIABLE) throw new CliUsageError({ de: '--unit: Die Fläche (area_km2) ist immer in km².', en: '--unit: the land area (area_km2) is always in km².' });
      edits.variableUnits = { ...edits.variableUnits, [id]: flag.slice(separator + 1).trim() };
    }
  }
  return edits;
}

/** `--quality`: what a new source's values are, as the contract names it. */
function qualityFlag(context: CliContext): { quality?: 'counted' | 'estimated' | 'projected' } {
  const given = option(context, 'quality');
  if (given === undefined) return {};
  const parsed = sourceQuality.safeParse(given.trim().toLowerCase());
  if (!parsed.success) {
    throw new CliUsageError({ de: `--quality „${given}“: bitte counted, estimated oder projected angeben.`, en: `--quality "${given}": please give counted, estimated or projected.` });
  }
  return { quality: parsed.data };
}

function stringList(context: CliContext, name: string): string[] {
  const value = context.values[name];
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string');
  return typeof value === 'string' ? [value] : [];
}

export const command: CliCommand = {
  name: 'import',
  summary: { de: 'Grenzen oder eine Tabelle in eine Projektdatei importieren', en: 'Import boundaries or a table into a project file' },
  usage:
    'import P.gpkg INPUT [--layer NAME] [--crs EPSG:N] [--encoding NAME] [--filter-key-prefix PREFIX] [--key FIELD] [--name-field FIELD] [--dissolve-by FIELD] [--keep-unnamed] [--period P] [--source NAME] [--layer-name NAME]\n' +
    '  import P.gpkg TABLE --source NAME [--variable ID] [--variable-name ID=NAME …] [--unit [ID=]UNIT …] [--as new-source|replace:SOURCE_ID|extend] [--dimension COLUMN=DIMENSION …] [--definition TEXT] [--quality counted|estimated|projected]\n' +
    '  import P.gpkg --official-kreis 03241 [--service-url URL] [--period P]\n' +
    '  import P.gpkg OD.csv --flows [--period P] [--source NAME] [--layer L]',
  options: {
    layer: { type: 'string' },
    crs: { type: 'string' },
    encoding: { type: 'string' },
    'filter-key-prefix': { type: 'string' },
    key: { type: 'string' },
    'name-field': { type: 'string' },
    'dissolve-by': { type: 'string' },
    'keep-unnamed': { type: 'boolean' },
    period: { type: 'string' },
    source: { type: 'string' },
    variable: { type: 'string' },
    'variable-name': { type: 'string', multiple: true },
    unit: { type: 'string', multiple: true },
    as: { type: 'string' },
    dimension: { type: 'string', multiple: true },
    definition: { type: 'string' },
    quality: { type: 'string' },
    'layer-name': { type: 'string' },
    sheet: { type: 'string' },
    'official-kreis': { type: 'string' },
    'service-url': { type: 'string' },
    flows: { type: 'boolean' },
  },
  optionHelp: {
    layer: { de: 'Ebene in der Datei (Grenzen) bzw. Projektebene, an die die Tabelle angehängt wird', en: 'layer in the file (boundaries) or project layer the table is joined to' },
    crs: { de: 'Koordinatensystem, wenn keine .prj vorliegt (z. B. EPSG:25832)', en: 'coordinate system when there is no .prj (e.g. EPSG:25832)' },
    encoding: { de: 'Zeichenkodierung (utf-8, windows-1252, iso-8859-1, cp850)', en: 'text encoding (utf-8, windows-1252, iso-8859-1, cp850)' },
    'filter-key-prefix': { de: 'nur Gebiete, deren Schlüssel so beginnt (z. B. 03241)', en: 'only areas whose key starts like this (e.g. 03241)' },
    key: { de: 'Schlüsselfeld (Grenzen) bzw. Schlüsselspalte (Tabelle: Titel oder Nummer)', en: 'key field (boundaries) or key column (table: title or number)' },
    'name-field': { de: 'Namensfeld bzw. Namensspalte', en: 'name field or name column' },
    'dissolve-by': { de: 'Flächen mit gleichem Wert dieses Feldes vereinigen (z. B. STADTBZNR: Stadtteile → Stadtbezirke)', en: 'unite areas with the same value of this field (e.g. STADTBZNR: Stadtteile → Stadtbezirke)' },
    'keep-unnamed': { de: 'Flächen ohne Namen behalten (sonst weggelassen, wenn nur wenige keinen Namen haben)', en: 'keep areas without a name (otherwise left out when only a few lack one)' },
    period: { de: 'Stichtag JJJJ-MM-TT, wenn die Datei keinen nennt', en: 'reference date YYYY-MM-DD when the file states none' },
    source: { de: 'Name der neuen Quelle (bei --as extend: Name oder ID der fortgesetzten Quelle)', en: 'name of the new source (with --as extend: name or id of the continued source)' },
    variable: { de: 'Projektvariable, die die (erste) Wertspalte misst (z. B. AsylbLG-Empfänger als refugees)', en: 'project variable the value column measures (e.g. AsylbLG recipients as refugees)' },
    'variable-name': { de: 'Name einer neuen Variable: ID=NAME, z. B. ewz=Einwohner (mehrfach möglich; sonst der Spaltentitel)', en: 'name of a new variable: ID=NAME, e.g. ewz=Einwohner (repeatable; otherwise the column title)' },
    unit: { de: 'Einheit neuer Variablen: EINHEIT für alle oder ID=EINHEIT, z. B. kfl=km² (sonst Personen, bei Dezimalwerten keine)', en: 'unit of new variables: UNIT for all or ID=UNIT, e.g. kfl=km² (otherwise Personen, none for decimal values)' },
    as: { de: 'new-source (weitere Quelle, Standard) | replace:QUELLEN_ID (deren Werte ersetzen) | extend (Reihe um neue Stichtage erweitern)', en: 'new-source (further source, default) | replace:SOURCE_ID (replace its values) | extend (add new dates to a series)' },
    dimension: { de: 'Merkmalsspalte einer langen Tabelle: SPALTE=MERKMAL, z. B. Geschlecht=sex (mehrfach möglich)', en: 'breakdown column of a long table: COLUMN=DIMENSION, e.g. Geschlecht=sex (repeatable)' },
    definition: { de: 'wer gezählt wird (Definition der Quelle)', en: 'who is counted (the source’s definition)' },
    quality: { de: 'was die Werte der neuen Quelle sind: counted (gezählt, Standard), estimated (geschätzt), projected (fortgeschrieben/prognostiziert)', en: 'what the new source’s values are: counted (default), estimated, projected (updated/forecast)' },
    'layer-name': { de: 'Name der neuen Ebene (Grenzen)', en: 'name of the new layer (boundaries)' },
    sheet: { de: 'Tabellenblatt (XLSX)', en: 'worksheet (XLSX)' },
    'official-kreis': { de: 'Gemeinden dieses Kreises vom BKG-Dienst VG250-EW laden', en: "load this Kreis' municipalities from BKG's VG250-EW service" },
    'service-url': { de: 'Adresse des WFS (Standard: BKG)', en: 'address of the WFS (default: BKG)' },
    flows: { de: 'die Tabelle ist eine Wanderungsmatrix (von, nach, Stichtag, Anzahl, lang oder als Matrix); mit --period, --source, --layer', en: 'the table is an origin–destination table (from, to, period, count, long or matrix); with --period, --source, --layer' },
  },
  async run(context) {
    const [projectGiven, input, ...extra] = context.positionals;
    const officialKreis = option(context, 'official-kreis');
    if (projectGiven === undefined || (input === undefined && !officialKreis)) {
      throw new CliUsageError({ de: 'Aufruf: kleinraum import P.gpkg EINGABEDATEI [Optionen]', en: 'Usage: kleinraum import P.gpkg INPUT [options]' });
    }
    if (extra.length > 0) throw new CliUsageError({ de: `Zu viele Argumente: ${extra.join(' ')}`, en: `Too many arguments: ${extra.join(' ')}` });
    const projectPath = path.resolve(projectGiven);
    if (path.extname(projectPath).toLowerCase() !== '.gpkg') {
      throw new CliUsageError({ de: `Die Projektdatei muss auf .gpkg enden (${projectGiven}).`, en: `The project file must end in .gpkg (${projectGiven}).` });
    }
    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    try {
      if (fs.existsSync(projectPath)) await backend.call('project.open', { path: projectPath });
      else await backend.call('project.new', {});
      const period = option(context, 'period');
      // The layer name as typed ("Stadtbezirke Süd"), stored as the wizard stores it: a technical name and,
      // for a name in words, what was typed as the layer's title (layerTitleToStore).
      const typedLayerName = option(context, 'layer-name');
      const layerName = typedLayerName === undefined ? undefined : layerIdentifier(typedLayerName);
      if (layerName === null) {
        throw new CliUsageError({
          de: `--layer-name „${typedLayerName}“ enthält keine Buchstaben oder Ziffern; der Name der Ebene braucht mindestens einen Buchstaben.`,
          en: `--layer-name "${typedLayerName}" has no letters or digits; the layer's name needs at least one letter.`,
        });
      }
      const typedTitle = typedLayerName === undefined ? '' : layerTitleToStore(typedLayerName, '', '');
      const layerTitle = typedTitle ? { de: typedTitle, en: typedTitle } : undefined;
      const common = { sourceName: option(context, 'source'), period, layerName, ...(layerTitle ? { layerTitle } : {}) };
      let document: unknown;
      if (context.values['flows'] === true) {
        if (!fs.existsSync(projectPath)) {
          throw new CliUsageError({ de: `Wanderungen brauchen ein Projekt mit Gebieten; ${projectGiven} gibt es noch nicht.`, en: `Flows need a project with areas; ${projectGiven} does not exist yet.` });
        }
        const layer = option(context, 'layer');
        document = await backend.call('flows.import', {
          path: path.resolve(input!),
          ...(period !== undefined ? { period } : {}),
          ...(common.sourceName !== undefined ? { sourceName: common.sourceName } : {}),
          ...(layer !== undefined ? { layer } : {}),
        });
      } else if (officialKreis) {
        const preview = await backend.call('import.fetchOfficialBoundaries', { kreis: officialKreis, serviceUrl: option(context, 'service-url') });
        const committed = await backend.call('import.commit', { importId: preview.importId, undoable: false, ...common });
        document = { ...boundaryDocument(preview, committed), observations: committed.observations, fromCache: preview.fromCache, serviceUrl: preview.serviceUrl };
      } else {
        const inspected = await backend.call('import.inspect', { path: path.resolve(input!), sheet: option(context, 'sheet') });
        if (inspected.kind === 'boundaries') {
          const preview = await backend.call('import.previewBoundaries', {
            path: inspected.path,
            layer: option(context, 'layer'),
            crs: option(context, 'crs'),
            encoding: option(context, 'encoding'),
            keyField: option(context, 'key'),
            nameField: option(context, 'name-field'),
            filterKeyPrefix: option(context, 'filter-key-prefix'),
            dissolveByField: option(context, 'dissolve-by'),
            dropUnnamed: context.values['keep-unnamed'] === true ? false : undefined,
            mapPreview: false,
          });
          const committed = await backend.call('import.commit', { importId: preview.importId, undoable: false, ...common });
          document = boundaryDocument(preview, committed);
        } else {
          const base = { path: inspected.path, sheet: option(context, 'sheet'), encoding: option(context, 'encoding'), layer: option(context, 'layer') };
          let preview = await backend.call('import.previewTable', base);
          const flagged = mappingFromFlags(context, preview);
          // A file without a Stichtag of its own takes --period for all rows, as the wizard's "Stichtag für alle
          // Zeilen" does: the preview then knows the file's Stichtag, and with it which source the file continues.
          const mapping = period && preview.observations.periods.length === 0 ? { ...(flagged ?? preview.mapping), period } : flagged;
          if (mapping) {
            await backend.call('import.cancel', { importId: preview.importId });
            preview = await backend.call('import.previewTable', { ...base, mapping });
          }
          // Units given to new variables decide the totals check, as the wizard's typed units do.
          const edits = variableEditsFromFlags(context, preview);
          const units = { ...(edits.variableUnits ? { variableUnits: edits.variableUnits } : {}), ...(edits.unit !== undefined ? { unit: edits.unit } : {}) };
          if (Object.keys(units).length > 0) {
            await backend.call('import.cancel', { importId: preview.importId });
            preview = await backend.call('import.previewTable', { ...base, ...(mapping ? { mapping } : {}), ...units });
          }
          const { mode, targetSourceId } = importMode(context);
          const continued = preview.continuedSource;
          if (mode === undefined && continued) {
            // The wizard would propose continuing that source; the command line keeps its default, and says so.
            const instead =
              continued.mode === 'extend'
                ? { de: `Deren Reihe fortschreiben: --as extend`, en: 'To extend its series: --as extend' }
                : { de: `Deren Werte für die Stichtage der Datei ersetzen: --as replace:${continued.id}`, en: `To replace its values for the file's dates: --as replace:${continued.id}` };
            context.output.warn({
              de: `Hinweis: Die Datei setzt offenbar die Quelle „${continued.name}“ fort; sie wird als weitere Quelle importiert. ${instead.de}.`,
              en: `Note: the file seems to continue the source "${continued.name}"; it is imported as a further source. ${instead.en}.`,
            });
          }
          if (mode !== undefined && mode !== 'new-source' && option(context, 'quality') !== undefined) {
            throw new CliUsageError({
              de: '--quality gilt für eine neue Quelle; mit --as extend oder replace behalten die Werte die Art ihrer Quelle.',
              en: '--quality applies to a new source; with --as extend or replace the values keep their source’s kind.',
            });
          }
          const extendTarget = mode === 'extend' && common.sourceName ? resolveSourceId(preview, common.sourceName) : undefined;
          const committed = await backend.call('import.commit', {
            importId: preview.importId,
            undoable: false,
            period,
            ...(mode === 'new-source' || mode === undefined ? { sourceName: common.sourceName, definition: option(context, 'definition'), ...qualityFlag(context) } : {}),
            ...(mode ? { mode } : {}),
            ...(targetSourceId ?? extendTarget ? { targetSourceId: targetSourceId ?? extendTarget } : {}),
            ...edits,
          });
          document = tableDocument(preview, committed);
        }
      }
      // Only now is P written, atomically (a failure above leaves it untouched).
      if (fs.existsSync(projectPath)) await backend.call('project.save', {});
      else await backend.call('project.saveAs', { path: projectPath });
      if (context.json) context.output.json(document);
      else if ((document as { kind: string }).kind === 'flows') context.output.text(flowsImportText(document as MethodOutput<'flows.import'>, context.lang, projectPath));
      else context.output.text(importText(document as ReturnType<typeof boundaryDocument> | ReturnType<typeof tableDocument>, context.lang, projectPath));
    } finally {
      backend.dispose();
    }
  },
};

/**
 * The file's coordinate system and what became of it. The project stores WGS 84, so the line says the
 * file was converted; "EPSG:25832 → EPSG:25832" (read as → used) was read by planners as "not converted".
 */
function crsLine(crs: { detected: string | null; used: string | null }, de: boolean): string {
  const origin = crs.detected && crs.detected === (crs.used ?? crs.detected) ? (de ? 'erkannt' : 'detected') : de ? 'angegeben' : 'given';
  const source = crs.used ?? crs.detected ?? '–';
  const target = source === 'EPSG:4326' ? (de ? 'bereits WGS 84' : 'already WGS 84') : de ? 'umgerechnet nach WGS 84 (EPSG:4326)' : 'converted to WGS 84 (EPSG:4326)';
  return `${de ? 'Koordinatensystem' : 'Coordinate system'}: ${source} (${origin}), ${target}`;
}

function importText(document: ReturnType<typeof boundaryDocument> | ReturnType<typeof tableDocument>, lang: 'de' | 'en', projectPath: string): string {
  const de = lang === 'de';
  if (document.kind === 'boundaries') {
    return [
      de ? `Ebene „${document.layer}“ mit ${document.features} Gebieten nach ${projectPath} importiert.` : `Layer "${document.layer}" with ${document.features} areas imported into ${projectPath}.`,
      `${crsLine(document.crs, de)}; ${de ? 'Kodierung' : 'encoding'}: ${document.encoding.used ?? '–'}`,
      de ? `Ungültige Geometrien: ${document.invalidGeometries.found} (repariert: ${document.invalidGeometries.repaired})` : `Invalid geometries: ${document.invalidGeometries.found} (repaired: ${document.invalidGeometries.repaired})`,
      de ? `Doppelte Schlüssel zusammengeführt: ${document.duplicateKeys.length}` : `Duplicate keys merged: ${document.duplicateKeys.length}`,
      recordAccountLine(document.records, de),
      ...document.warnings.map((warning) => `  ${de ? warning.de : warning.en}`),
    ].join('\n');
  }
  return [
    de ? `${document.rows} Zeilen (${document.observations} Werte) den Gebieten der Ebene „${document.layer}“ zugeordnet (${projectPath}).` : `${document.rows} rows (${document.observations} values) joined to layer "${document.layer}" (${projectPath}).`,
    de ? document.message.de : document.message.en,
    de
      ? `Zugeordnet: ${document.join.matched}; nicht zugeordnet: ${document.join.unmatchedRows.length}; Gebiete ohne Daten: ${document.join.areasWithoutData.length}; Summenzeilen: ${document.join.aggregateRows.length}`
      : `Matched: ${document.join.matched}; unmatched: ${document.join.unmatchedRows.length}; areas without data: ${document.join.areasWithoutData.length}; aggregate rows: ${document.join.aggregateRows.length}`,
    ...document.join.unmatchedSummary.map((group) => `  ${de ? group.de : group.en}`),
    ...(document.join.totalsUnchecked.length > 0
      ? [translate(de ? 'de' : 'en', 'import.joinTotalsUnchecked', { list: document.join.totalsUnchecked.map((entry) => entry.aggregateName || entry.aggregateKey).join(', ') })]
      : []),
    ...(document.join.totalsNotAdditive ? [`${translate(de ? 'de' : 'en', 'import.joinTotals')}: ${translate(de ? 'de' : 'en', 'import.joinTotalsNotAdditive', { name: localized(document.join.totalsNotAdditive, de ? 'de' : 'en') })}`] : []),
    ...document.join.totals.map((total) => `${de ? 'Summenprüfung' : 'Totals check'} ${total.aggregateName || total.aggregateKey}${total.period ? ` ${formatDate(total.period, de ? 'de' : 'en')}` : ''}: ${total.sumOfAreas} / ${total.aggregateValue} ${total.consistent ? 'ok' : de ? 'ABWEICHUNG' : 'MISMATCH'}${total.roundedTo && total.difference !== 0 ? ` – ${totalsVerdictText(total, de ? 'de' : 'en')}` : ''}`),
    ...(document.reportedTotals > 0 || document.unassignable > 0
      ? [
          de
            ? `Gemeldete Gesamtzahl: ${document.reportedTotals} Werte, nicht zuordenbar: ${document.unassignable} Werte – unter dem übergeordneten Gebiet behalten und geprüft, nie zu den Gebieten addiert.`
            : `Reported total: ${document.reportedTotals} values, not assignable: ${document.unassignable} values – kept under the parent area and checked, never added to the areas.`,
        ]
      : []),
    recordAccountLine(document.records, de),
    ...document.warnings.map((warning) => `  ${de ? warning.de : warning.en}`),
  ].join('\n');
}

/** A source named by `--source` for `--as extend`: its id or its name, among those holding the file's variables. */
function resolveSourceId(preview: TablePreviewResult, given: string): string {
  const candidates = preview.existingSources.flatMap((entry) => entry.sources);
  const found = candidates.find((source) => source.id === given) ?? candidates.find((source) => source.name.toLowerCase() === given.toLowerCase());
  if (found) return found.id;
  throw new UserError('not-found', {
    de: `--source: Keine Quelle „${given}“ hält diese Variable. Vorhanden: ${[...new Set(candidates.map((source) => `${source.id} (${source.name})`))].join(', ') || 'keine'}.`,
    en: `--source: no source "${given}" holds this variable. Available: ${[...new Set(candidates.map((source) => `${source.id} (${source.name})`))].join(', ') || 'none'}.`,
  });
}

function recordAccountLine(records: ReturnType<typeof boundaryRecordAccount>, de: boolean): string {
  const skipped = records.skipped.map((group) => (de ? group.text.de : group.text.en)).join('; ');
  return de
    ? `Gelesen: ${records.read}; übernommen: ${records.used}; übersprungen: ${records.read - records.used}${skipped ? ` (${skipped})` : ''}`
    : `Read: ${records.read}; used: ${records.used}; skipped: ${records.read - records.used}${skipped ? ` (${skipped})` : ''}`;
}

function flowsImportText(document: MethodOutput<'flows.import'>, lang: 'de' | 'en', projectPath: string): string {
  const de = lang === 'de';
  return [
    de
      ? `${document.flows} Wanderungsströme (${document.layout === 'matrix' ? 'Matrix' : 'lange Tabelle'}, ${document.rows} Zeilen) den Gebieten der Ebene „${document.layer}“ zugeordnet (${projectPath}); Quelle ${document.source.name}.`
      : `${document.flows} flows (${document.layout} layout, ${document.rows} rows) joined to layer "${document.layer}" (${projectPath}); source ${document.source.name}.`,
    `${de ? 'Zeiträume bis' : 'Periods ending'}: ${document.periods.join(', ')}; ${de ? 'außerhalb' : 'outside'}: ${document.external.join(', ') || '–'}`,
    de ? `Zugeordnet: ${document.join.matched}; nicht übernommen: ${document.join.unmatchedRows.length}` : `Matched: ${document.join.matched}; not taken over: ${document.join.unmatchedRows.length}`,
    ...document.join.unmatchedRows.slice(0, 20).map((row) => `  ${de ? 'Zeile' : 'line'} ${row.line}: ${de ? row.text.de : row.text.en}`),
    ...(document.join.unmatchedRows.length > 20 ? [`  … ${document.join.unmatchedRows.length - 20} ${de ? 'weitere' : 'more'}`] : []),
  ].join('\n');
}
