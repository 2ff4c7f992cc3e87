/**
 * `kleinraum import P.gpkg INPUT [--layer NAME] [--crs EPSG:N] [--encoding NAME] [--filter-key-prefix PREFIX]
 * [--key FIELD] [--name-field FIELD] [--dissolve-by FIELD] [--keep-unnamed] [--period P] [--source NAME]`: imports boundaries or a table into P
 * (created when missing) through the same preview → commit services the app uses. Non-interactive: a choice
 * the file does not settle makes it fail with a message naming the flag. P is only written after a
 * successful commit, atomically; a failed import leaves it as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../../shared/contract/errors';
import type { BoundaryPreview, TableMapping, TablePreviewResult } from '../../../../shared/contract/methods/import';
import { CliUsageError, type CliCommand, type CliContext } from '../command';

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

function boundaryDocument(preview: BoundaryPreview, layer: string) {
  return {
    kind: 'boundaries' as const,
    layer,
    features: preview.areas.length,
    crs: { detected: preview.report.crs.detected, used: preview.report.crs.used },
    encoding: { detected: preview.report.encoding.detected, used: preview.report.encoding.used },
    invalidGeometries: { found: preview.report.invalidGeometries.found, repaired: preview.report.invalidGeometries.repaired },
    join: { matched: preview.areas.length, unmatchedRows: [], unmatchedSummary: [], areasWithoutData: [], duplicateKeys: preview.report.duplicateKeys.map((duplicate) => duplicate.key) },
    source: preview.source,
    duplicateKeys: preview.report.duplicateKeys,
    filteredOut: preview.report.filteredOut,
    withoutName: preview.report.withoutName,
    dissolvedBy: preview.report.dissolvedBy,
    warnings: preview.report.warnings.map((warning) => ({ code: warning.code, de: warning.text.de, en: warning.text.en })),
  };
}

function tableDocument(preview: TablePreviewResult, rows: number, observations: number) {
  const report = preview.joinReport;
  return {
    kind: 'table' as const,
    layer: report.layer,
    rows,
    observations,
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
      restoredLeadingZeros: report.restoredLeadingZeros,
    },
    mapping: preview.mapping,
    source: preview.source,
  };
}

export const command: CliCommand = {
  name: 'import',
  summary: { de: 'Grenzen oder eine Tabelle in eine Projektdatei importieren', en: 'Import boundaries or a table into a project file' },
  usage:
    'import P.gpkg INPUT [--layer NAME] [--crs EPSG:N] [--encoding NAME] [--filter-key-prefix PREFIX] [--key FIELD] [--name-field FIELD] [--dissolve-by FIELD] [--keep-unnamed] [--period P] [--source NAME] [--layer-name NAME]\n' +
    '  import P.gpkg --official-kreis 03241 [--service-url URL] [--period P]',
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
    'layer-name': { type: 'string' },
    sheet: { type: 'string' },
    'official-kreis': { type: 'string' },
    'service-url': { type: 'string' },
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
    source: { de: 'Name der Quelle', en: 'name of the source' },
    'layer-name': { de: 'Name der neuen Ebene (Grenzen)', en: 'name of the new layer (boundaries)' },
    sheet: { de: 'Tabellenblatt (XLSX)', en: 'worksheet (XLSX)' },
    'official-kreis': { de: 'Gemeinden dieses Kreises vom BKG-Dienst VG250-EW laden', en: "load this Kreis' municipalities from BKG's VG250-EW service" },
    'service-url': { de: 'Adresse des WFS (Standard: BKG)', en: 'address of the WFS (default: BKG)' },
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
      const common = { sourceName: option(context, 'source'), period, layerName: option(context, 'layer-name') };
      let document: unknown;
      if (officialKreis) {
        const preview = await backend.call('import.fetchOfficialBoundaries', { kreis: officialKreis, serviceUrl: option(context, 'service-url') });
        const committed = await backend.call('import.commit', { importId: preview.importId, ...common });
        document = { ...boundaryDocument(preview, committed.layer), observations: committed.observations, fromCache: preview.fromCache, serviceUrl: preview.serviceUrl };
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
          const committed = await backend.call('import.commit', { importId: preview.importId, ...common });
          document = boundaryDocument(preview, committed.layer);
        } else {
          const base = { path: inspected.path, sheet: option(context, 'sheet'), encoding: option(context, 'encoding'), layer: option(context, 'layer') };
          let preview = await backend.call('import.previewTable', base);
          const key = option(context, 'key');
          const nameField = option(context, 'name-field');
          if (key || nameField) {
            const mapping: TableMapping = {
              ...preview.mapping,
              keyColumn: key ? columnIndex(preview, key, '--key') : preview.mapping.keyColumn,
              nameColumn: nameField ? columnIndex(preview, nameField, '--name-field') : preview.mapping.nameColumn,
            };
            await backend.call('import.cancel', { importId: preview.importId });
            preview = await backend.call('import.previewTable', { ...base, mapping });
          }
          const committed = await backend.call('import.commit', { importId: preview.importId, sourceName: common.sourceName, period });
          document = tableDocument(preview, committed.rows ?? 0, committed.observations);
        }
      }
      // Only now is P written, atomically (a failure above leaves it untouched).
      if (fs.existsSync(projectPath)) await backend.call('project.save', {});
      else await backend.call('project.saveAs', { path: projectPath });
      if (context.json) context.output.json(document);
      else context.output.text(importText(document as ReturnType<typeof boundaryDocument> | ReturnType<typeof tableDocument>, context.lang, projectPath));
    } finally {
      backend.dispose();
    }
  },
};

function importText(document: ReturnType<typeof boundaryDocument> | ReturnType<typeof tableDocument>, lang: 'de' | 'en', projectPath: string): string {
  const de = lang === 'de';
  if (document.kind === 'boundaries') {
    return [
      de ? `Ebene „${document.layer}“ mit ${document.features} Gebieten nach ${projectPath} importiert.` : `Layer "${document.layer}" with ${document.features} areas imported into ${projectPath}.`,
      `CRS: ${document.crs.detected ?? '–'} → ${document.crs.used}; ${de ? 'Kodierung' : 'encoding'}: ${document.encoding.used ?? '–'}`,
      de ? `Ungültige Geometrien: ${document.invalidGeometries.found} (repariert: ${document.invalidGeometries.repaired})` : `Invalid geometries: ${document.invalidGeometries.found} (repaired: ${document.invalidGeometries.repaired})`,
      de ? `Doppelte Schlüssel zusammengeführt: ${document.duplicateKeys.length}` : `Duplicate keys merged: ${document.duplicateKeys.length}`,
    ].join('\n');
  }
  return [
    de ? `${document.rows} Zeilen (${document.observations} Werte) an Ebene „${document.layer}“ angehängt (${projectPath}).` : `${document.rows} rows (${document.observations} values) joined to layer "${document.layer}" (${projectPath}).`,
    de
      ? `Zugeordnet: ${document.join.matched}; nicht zugeordnet: ${document.join.unmatchedRows.length}; Gebiete ohne Daten: ${document.join.areasWithoutData.length}; Summenzeilen: ${document.join.aggregateRows.length}`
      : `Matched: ${document.join.matched}; unmatched: ${document.join.unmatchedRows.length}; areas without data: ${document.join.areasWithoutData.length}; aggregate rows: ${document.join.aggregateRows.length}`,
    ...document.join.unmatchedSummary.map((group) => `  ${de ? group.de : group.en}`),
    ...document.join.totals.map((total) => `${de ? 'Summenprüfung' : 'Totals check'} ${total.aggregateName}: ${total.sumOfAreas} / ${total.aggregateValue} ${total.consistent ? 'ok' : de ? 'ABWEICHUNG' : 'MISMATCH'}`),
  ].join('\n');
}
