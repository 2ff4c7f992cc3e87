/**
 * Flows (Wanderungen) of the open project: `flows.compute` from the pure core (shared/movement/flows.ts)
 * with the ends' positions for the flow map, and `flows.import` of an origin–destination table
 * (shared/movement/flowTable.ts) written in one transaction — a failed import leaves the project as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { UserError } from '../../../../shared/contract/errors';
import type { flowMethods, flowsExportInput, flowsImportInput, flowsImportOutput, flowsInput, flowsOutput } from '../../../../shared/contract/methods/flows';
import { DEFAULT_MAX_TABLE_BYTES, tableTooLargeError } from '../../../../shared/fileFormats/table/parseDelimited';
import { slug } from '../../../../shared/fileFormats/table/tableMapping';
import { labelAnchors } from '../../../../shared/labels/labelPlacement';
import type { Source } from '../../../../shared/model/project';
import { distinctSourceName, normalizedSourceName, sourceNamed } from '../../../../shared/sources/sourceNames';
import { computeFlowView } from '../../../../shared/movement/flows';
import { parseFlowTable, readFlowGrid } from '../../../../shared/movement/flowTable';
import { flowsTable, flowTotalsTable } from '../../../../shared/movement/flowTables';
import { describedFileName } from '../../../../shared/export/fileNamePattern';
import { MIME_TYPES, renderFigure, renderTable } from '../../export/renderFiles';
import { asAreaCollection } from '../../../../shared/analysis/analysisFigures';
import type { AreaCollection } from '../../../../shared/export/composeFigure';
import { resolveExportLayout } from '../../../../shared/export/exportLayout';
import { flowMapFigure } from '../../../../shared/movement/flowFigure';
import { today } from '../export/exportHandlers';
import { EXTERNAL_CATEGORIES } from '../../../../shared/movement/flowTypes';
import { readSetting } from '../../../../shared/settings/projectSettings';
import { readFlowPeriods, readFlows, replaceSourceFlows } from '../../storage/flowStore';
import { uniqueId } from '../../storage/importStore';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readAreas, readAreasAsFeatureCollection, readAreaSizes, readSettings, readSources } from '../../storage/projectReader';
import { insertSource } from '../../storage/projectWriter';
import { chooseAnalysisLayer } from '../analysis/analysisResults';
import type { ProjectSession } from '../projectSession';

type FlowsInput = z.output<typeof flowsInput>;
type FlowsOutput = z.output<typeof flowsOutput>;
type ImportInput = z.output<typeof flowsImportInput>;
type ImportOutput = z.output<typeof flowsImportOutput>;

/** Label points of the areas and, for the categories, places on a ring just outside the layer's extent. */
function flowEnds(db: SqliteDatabase, layer: string): FlowsOutput['ends'] {
  const areas = readAreas(db, layer);
  const anchors = labelAnchors(areas.map((area) => ({ key: area.key, name: area.name, geometry: area.geometry })));
  const points = anchors.map((anchor) => anchor.pole().lngLat as [number, number]);
  const ends: FlowsOutput['ends'] = anchors.map((anchor, index) => ({ key: anchor.key, name: { de: anchor.name, en: anchor.name }, external: false, position: points[index] as [number, number] }));
  if (points.length === 0) return ends;
  const longitudes = points.map((point) => point[0]);
  const latitudes = points.map((point) => point[1]);
  const centre: [number, number] = [(Math.min(...longitudes) + Math.max(...longitudes)) / 2, (Math.min(...latitudes) + Math.max(...latitudes)) / 2];
  const cosLatitude = Math.cos((centre[1] * Math.PI) / 180);
  // Radius in degrees of latitude: the farthest label point, plus a quarter.
  const radius = 1.25 * Math.max(0.05, ...points.map((point) => Math.hypot((point[0] - centre[0]) * cosLatitude, point[1] - centre[1])));
  for (const category of EXTERNAL_CATEGORIES) {
    const bearing = ((category.bearing ?? 180) * Math.PI) / 180;
    ends.push({ key: category.key, name: category.name, external: true, position: [centre[0] + (Math.sin(bearing) * radius) / cosLatitude, centre[1] + Math.cos(bearing) * radius] });
  }
  return ends;
}

/**
 * @example computeFlows(db, { mode: 'gross', direction: 'all', top: 20 }).flows.length // 20 on the demo
 */
export function computeFlows(db: SqliteDatabase, input: FlowsInput): FlowsOutput {
  const layer = chooseAnalysisLayer(db, input.layer);
  return db.transaction((): FlowsOutput => {
    const periods = readFlowPeriods(db);
    const threshold = readSetting(readSettings(db), 'smallNumberThreshold');
    const areas = readAreaSizes(db, layer.name);
    if (input.area !== undefined && !areas.some((area) => area.key === input.area) && !EXTERNAL_CATEGORIES.some((category) => category.key === input.area)) {
      throw new UserError('not-found', {
        de: `Das Gebiet „${input.area}“ gibt es in der Ebene „${layer.name}“ nicht (auch keine Kategorie wie ext:ausland).`,
        en: `Layer "${layer.name}" has no area "${input.area}" (nor a category such as ext:ausland).`,
      });
    }
    const period = input.period ?? periods.at(-1)?.period ?? null;
    const held = periods.find((entry) => entry.period === period);
    if (input.period !== undefined && !held) {
      const list = periods.map((entry) => entry.period).join(', ') || '–';
      throw new UserError('not-found', { de: `Für den Stichtag ${input.period} gibt es keine Wanderungen. Vorhanden: ${list}.`, en: `There are no flows for ${input.period}. Available: ${list}.` });
    }
    // One source per period: the one asked for, else the first stored (flows of two sources are never added up).
    if (input.source !== undefined && held && !held.sourceIds.includes(input.source)) {
      throw new UserError('not-found', {
        de: `Die Quelle „${input.source}“ hat keine Wanderungen für ${period}. Vorhanden: ${held.sourceIds.join(', ')}.`,
        en: `Source "${input.source}" holds no flows for ${period}. Available: ${held.sourceIds.join(', ')}.`,
      });
    }
    const sourceId = input.source ?? held?.sourceIds[0];
    const records = period === null || sourceId === undefined ? [] : readFlows(db, { period, sourceIds: [sourceId] });
    const view = computeFlowView({
      records,
      areas,
      mode: input.mode,
      area: input.area ?? null,
      direction: input.direction,
      top: input.top ?? null,
      smallNumberThreshold: threshold,
    });
    const allSources = readSources(db);
    const sources = allSources.filter((source) => source.id === sourceId);
    const periodSources = (held?.sourceIds ?? []).map((id) => ({ id, name: allSources.find((source) => source.id === id)?.name ?? id }));
    return {
      layer: layer.name,
      layerTitle: layer.title,
      period,
      periods: periods.map((entry) => entry.period),
      mode: input.mode,
      area: input.area ?? null,
      direction: input.direction,
      top: input.top ?? null,
      flows: view.flows,
      matching: view.matching,
      hidden: view.hidden,
      areas: view.areas,
      external: EXTERNAL_CATEGORIES.map((category) => {
        const totals = view.external.find((entry) => entry.key === category.key);
        return { key: category.key, name: category.name, inflow: totals?.inflow ?? 0, outflow: totals?.outflow ?? 0 };
      }),
      ends: flowEnds(db, layer.name),
      unassigned: view.unassigned,
      smallNumberThreshold: threshold,
      sources,
      periodSources,
      synthetic: sources.some((source) => source.synthetic),
    };
  })();
}

/**
 * Reads the table, then writes its flows and their source in one edit. Re-importing into a source that
 * already holds flows replaces that source's flows of the same periods (never doubles them).
 */
export function importFlows(session: ProjectSession, input: ImportInput): ImportOutput {
  const db = session.db;
  const layer = chooseAnalysisLayer(db, input.layer);
  const extension = path.extname(input.path).toLowerCase();
  if (!['.csv', '.txt', '.tsv'].includes(extension)) {
    throw new UserError('unsupported', {
      de: `${path.basename(input.path)}: Wanderungsmatrizen werden als CSV/TXT importiert. Bitte in Excel „Speichern unter … CSV (Trennzeichen-getrennt)“ wählen.`,
      en: `${path.basename(input.path)}: flow tables are imported as CSV/TXT. Please save the sheet as CSV in Excel.`,
    });
  }
  let bytes: Uint8Array;
  try {
    const size = fs.statSync(input.path).size;
    if (size > DEFAULT_MAX_TABLE_BYTES) throw tableTooLargeError(size, DEFAULT_MAX_TABLE_BYTES);
    bytes = fs.readFileSync(input.path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('not-found', { de: `${input.path} wurde nicht gefunden. Bitte den Pfad prüfen.`, en: `${input.path} was not found. Please check the path.` });
  }
  const areas = readAreaSizes(db, layer.name);
  const table = parseFlowTable(readFlowGrid(bytes), areas, input.period !== undefined ? { period: input.period } : {});
  if (table.records.length === 0) {
    const reasons = table.unmatched.slice(0, 3).map((row) => `Zeile ${row.line}: ${row.text.de}`).join('; ');
    const reasonsEn = table.unmatched.slice(0, 3).map((row) => `line ${row.line}: ${row.text.en}`).join('; ');
    throw new UserError('bad-input', {
      de: `Die Tabelle ergibt keine einzige Wanderung für die Ebene „${layer.name}“; nichts wurde geändert. ${reasons}`,
      en: `The table yields no flow for layer "${layer.name}"; nothing was changed. ${reasonsEn}`,
    });
  }
  const typedName = input.sourceName !== undefined ? normalizedSourceName(input.sourceName) || undefined : undefined;
  const fileName = path.basename(input.path);
  const note = `Import ${fileName} (Wanderungen)`;
  let source: Source | undefined;
  let replaced = 0;
  session.edit(() => {
    const existing = readSources(db);
    const flowSources = new Set(readFlowPeriods(db).flatMap((entry) => entry.sourceIds));
    // The flows go to the source they belong to, replacing its flows of the table's periods (a new year's
    // table, a corrected one): a source named as typed (--source names the source, e.g. the register that
    // also holds the stock), else the flow source this file went into before (by its note, whatever name it
    // was given), else the flow source of the file's name. Otherwise a new source, under a name no other has.
    source = typedName
      ? sourceNamed(existing, typedName)
      : (existing.find((candidate) => flowSources.has(candidate.id) && candidate.notes === note) ??
        sourceNamed(
          existing.filter((candidate) => flowSources.has(candidate.id)),
          path.basename(input.path, extension),
        ));
    if (!source) {
      const name = typedName ?? distinctSourceName(path.basename(input.path, extension), existing.map((known) => known.name), table.periods.at(-1) ?? null);
      source = {
        id: uniqueId(slug(name).slice(0, 48) || 'wanderungen', new Set(existing.map((known) => known.id))),
        name,
        publisher: '',
        stichtag: table.periods.at(-1) ?? null,
        definition: '',
        quality: 'counted',
        licence: '',
        licenceUrl: null,
        attribution: typedName ?? path.basename(input.path, extension),
        notes: note,
        synthetic: false,
      };
      insertSource(db, source, existing.length);
    }
    const sourceId = source.id;
    replaced = replaceSourceFlows(db, sourceId, table.periods, table.records.map((record) => Object.assign({}, record, { sourceId })));
  });
  return {
    kind: 'flows',
    layer: layer.name,
    layout: table.layout,
    rows: table.rows,
    flows: table.records.length,
    periods: table.periods,
    join: { matched: table.matched, unmatchedRows: table.unmatched },
    external: table.external,
    dimensions: table.dimensions,
    source: source as Source,
    replaced,
  };
}


/** The flow map as a committee figure (SVG, PNG, PDF) or the flow table / per-area totals (CSV, XLSX), from the same computation the view shows. */
export async function exportFlows(db: SqliteDatabase, input: z.output<typeof flowsExportInput>): Promise<z.output<(typeof flowMethods)['flows.export']['output']>> {
  const data = computeFlows(db, input);
  // Named like every other export: what it shows, in its language, and its Stichtag.
  const de = input.locale === 'de';
  const totals = input.table === 'totals' && (input.format === 'csv' || input.format === 'xlsx');
  const areaName = input.area ? (data.ends.find((end) => end.key === input.area)?.name[input.locale] ?? input.area) : undefined;
  const fileName = describedFileName([de ? 'Wanderungen' : 'Flows', totals ? (de ? 'Zu- und Fortzüge je Gebiet' : 'Totals per area') : undefined, areaName], data.period ?? undefined, input.format);
  if (input.format === 'csv' || input.format === 'xlsx') {
    const table = input.table === 'totals' ? flowTotalsTable(data, input.locale) : flowsTable(data, input.locale);
    const sheet = input.locale === 'de' ? (input.table === 'totals' ? 'Zu- und Fortzüge' : 'Wanderungen') : input.table === 'totals' ? 'Totals' : 'Flows';
    const bytes = await renderTable(table, input.format, sheet, input.locale);
    return { fileName, mimeType: MIME_TYPES[input.format], base64: bytes.toString('base64') };
  }
  if (data.period === null) {
    throw new UserError('not-found', { de: 'Das Projekt enthält keine Wanderungen; es gibt nichts zu zeichnen.', en: 'The project holds no flows; there is nothing to draw.' });
  }
  const layer = chooseAnalysisLayer(db, input.layer);
  const settings = readSettings(db);
  const layout = resolveExportLayout(readSetting(settings, 'export.layout'));
  const figure = flowMapFigure(
    { period: data.period, mode: data.mode, area: data.area, direction: data.direction, flows: data.flows, ends: data.ends, hidden: data.hidden, smallNumberThreshold: data.smallNumberThreshold, sources: data.sources },
    {
      areas: asAreaCollection(readAreasAsFeatureCollection(db, layer.name).features) as AreaCollection,
      layerTitle: layer.title[input.locale] || layer.title.de,
      boundarySource: readSources(db).find((source) => source.id === layer.sourceId) ?? null,
      schematicBoundaries: layer.schematic,
      createdOn: today(),
      locale: input.locale,
      page: input.page,
      author: layout.author.visible ? layout.author.text : '',
    },
  );
  const title = input.locale === 'de' ? 'Wanderungen' : 'Flows';
  const rendered = await renderFigure({ svg: figure.svg, widthMm: figure.widthMm, heightMm: figure.heightMm, title, author: layout.author.text }, input.format, input.dpi);
  return {
    fileName,
    mimeType: MIME_TYPES[input.format],
    pageMm: [figure.widthMm, figure.heightMm],
    base64: rendered.bytes.toString('base64'),
    ...(rendered.widthPx !== undefined ? { widthPx: rendered.widthPx, heightPx: rendered.heightPx } : {}),
  };
}
