/**
 * `import.previewBoundaries`: reads a boundary file completely (electron/node/import/readBoundaries.ts),
 * proposes the source (BKG recognised from fields and the quellenvermerk beside the data), and returns the
 * report plus a simplified map preview. Nothing is written.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { simplify } from '@turf/simplify';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BoundaryPreview } from '../../../../shared/contract/methods/import';
import { bkgLayerTitle, proposeBoundarySource, type BoundarySourceHints } from '../../../../shared/fileFormats/boundaries/bkgSource';
import type { BoundaryImport } from '../../../../shared/fileFormats/boundaries/buildAreas';
import { decodeText } from '../../../../shared/fileFormats/text/decode';
import { geodesicAreaKm2 } from '../../../../shared/geo/geodesicArea';
import { openArchive } from '../../import/archive';
import { readBoundaries, type ReadBoundariesOptions } from '../../import/readBoundaries';
import { featureTableNameOwner } from '../../storage/geopackageCore';
import { readLayers } from '../../storage/projectReader';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readFileBytes } from '../../import/readFileBytes';

type SidecarTexts = Pick<BoundarySourceHints, 'quellenvermerk' | 'aktualitaet'> & { hasCpg: boolean };

/** Reads quellenvermerk*.txt / aktualitaet.txt beside a shapefile (or in the zip's layer folder). */
export function readSidecarTexts(filePath: string, layer: string | undefined): SidecarTexts {
  const pick = (names: string[], read: (name: string) => Uint8Array | null) => {
    const find = (pattern: RegExp) => names.find((name) => pattern.test(path.basename(name).toLowerCase()));
    const text = (name: string | undefined) => {
      const bytes = name ? read(name) : null;
      return bytes ? decodeText(bytes, 'windows-1252') : null;
    };
    return { quellenvermerk: text(find(/^quellenvermerk.*\.txt$/)), aktualitaet: text(find(/^aktualitaet.*\.txt$/)) };
  };
  const extension = path.extname(filePath).toLowerCase();
  try {
    if (extension === '.zip') {
      const archive = openArchive(readFileBytes(filePath), path.basename(filePath));
      const names = archive.entries.map((entry) => entry.name);
      const files = new Set(names);
      const wanted = layer?.toLowerCase().replace(/\.shp$/, '');
      const shp = names.find((name) => name.toLowerCase().endsWith('.shp') && (!wanted || name.toLowerCase().slice(0, -4).endsWith(wanted)));
      const folder = shp ? path.posix.dirname(shp) : '.';
      const inFolder = names.filter((name) => path.posix.dirname(name) === folder || !name.includes('/'));
      const hasCpg = shp ? files.has(`${shp.slice(0, -4)}.cpg`) || files.has(`${shp.slice(0, -4)}.CPG`) : false;
      return { ...pick(inFolder, (name) => (files.has(name) ? archive.read(name) : null)), hasCpg };
    }
    if (extension === '.shp' || extension === '.dbf') {
      const directory = path.dirname(filePath);
      const names = readdirSync(directory);
      const base = path.basename(filePath).slice(0, -4).toLowerCase();
      const hasCpg = names.some((name) => name.toLowerCase() === `${base}.cpg`);
      return { ...pick(names, (name) => readFileBytes(path.join(directory, name))), hasCpg };
    }
  } catch {
    // Sidecar texts only improve the proposal; an unreadable one must not stop the import.
  }
  return { quellenvermerk: null, aktualitaet: null, hasCpg: false };
}


/** A lighter copy of the areas for the preview map: tolerance ~1/1500 of the extent, so 11 000 polygons stay a few MB. */
export function simplifiedPreview(imported: BoundaryImport): BoundaryPreview['preview'] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const area of imported.areas) {
    const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
    for (const polygon of polygons) {
      // Indexed reads: destructuring runs through the iterator protocol in cold code.
      for (const position of polygon[0] ?? []) {
        minX = Math.min(minX, position[0]!);
        minY = Math.min(minY, position[1]!);
        maxX = Math.max(maxX, position[0]!);
        maxY = Math.max(maxY, position[1]!);
      }
    }
  }
  const tolerance = Math.max(maxX - minX, maxY - minY) / 1500;
  const invalid = new Set(imported.report.invalidGeometries.list.map((issue) => issue.key));
  const features = imported.areas.map((area) => {
    const feature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: area.geometry };
    let geometry: Polygon | MultiPolygon = area.geometry;
    try {
      geometry = simplify(feature, { tolerance, highQuality: false, mutate: false }).geometry;
    } catch {
      // A geometry simplify cannot handle is shown as it is.
    }
    return { type: 'Feature' as const, properties: { key: area.key, name: area.name, invalid: invalid.has(area.key) }, geometry };
  });
  // GeoJSON's interfaces lack the index signature of the contract's loose objects; the shape is the same and dispatch checks it.
  return { type: 'FeatureCollection', features, bbox: Number.isFinite(minX) ? [minX, minY, maxX, maxY] : undefined } as unknown as BoundaryPreview['preview'];
}

/** A feature-table name from a proposed one: lower case, letters/digits/_ and not clashing with GeoPackage/Kleinraum tables. */
export function featureTableNameFrom(proposed: string): string {
  let name = proposed
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[a-z]/.test(name)) name = `ebene_${name}`;
  if (name.startsWith('gpkg_') || name.startsWith('kleinraum_') || name.startsWith('rtree_')) name = `ebene_${name}`;
  return name;
}

/** The report part of a boundary preview (shared by file previews and the official WFS). */
export function boundaryPreviewBody(db: SqliteDatabase, imported: BoundaryImport, source: BoundaryPreview['source'], hasCpg: boolean, mapPreview = true): Omit<BoundaryPreview, 'importId'> {
  const proposedName = featureTableNameFrom(imported.layerInfo.name);
  const { report } = imported;
  const detection = report.encoding.detected;
  const warnings: BoundaryPreview['report']['warnings'] = [...report.notes];
  let layerName = proposedName;
  if (featureTableNameOwner(db, proposedName) === 'foreign') {
    // A table a colleague added with QGIS or GDAL is never replaced: the layer gets a free name instead.
    for (let suffix = 2; featureTableNameOwner(db, layerName) !== null; suffix += 1) layerName = `${proposedName}_${suffix}`;
    warnings.push({
      code: 'foreign-table-name',
      text: {
        de: `Die Projektdatei enthält schon eine Tabelle „${proposedName}“, die nicht von Kleinraum stammt (z. B. aus QGIS). Sie bleibt unangetastet; die neue Ebene heißt „${layerName}“ (anderer Name: CLI --layer-name NAME).`,
        en: `The project file already holds a table "${proposedName}" that Kleinraum did not create (e.g. from QGIS). It is left untouched; the new layer is named "${layerName}" (another name: CLI --layer-name NAME).`,
      },
    });
  }
  if (readLayers(db).some((layer) => layer.name === layerName)) {
    warnings.push({
      code: 'layer-exists',
      text: {
        de: `Das Projekt hat schon eine Ebene „${layerName}“. Beim Übernehmen bitte einen anderen Namen wählen oder die Ebene ersetzen.`,
        en: `The project already has a layer "${layerName}". When committing, choose another name or replace the layer.`,
      },
    });
  }
  if (source.attributionYearFrom === 'import-date') {
    warnings.push({
      code: 'attribution-year-unknown',
      text: {
        de: `Die Daten nennen kein Datum (keine aktualitaet.txt, kein Datum im Namen oder in BEGINN). Im Quellenvermerk steht deshalb das laufende Jahr (${source.attribution}); bitte das Jahr der Daten eintragen.`,
        en: `The data states no date (no aktualitaet.txt, no date in the name or in BEGINN). The attribution therefore uses the current year (${source.attribution}); please enter the data's year.`,
      },
    });
  }
  if (report.withoutName.dropped) {
    warnings.push({
      code: 'unnamed-dropped',
      text: {
        de: `${report.withoutName.count} Flächen ohne Namen (z. B. schmale Restflächen) werden weggelassen. Wer sie behalten will, schaltet „Flächen ohne Namen weglassen“ aus.`,
        en: `${report.withoutName.count} areas without a name (e.g. slivers) are left out. To keep them, turn off "Leave out areas without a name".`,
      },
    });
  }
  if (report.invalidGeometries.found > report.invalidGeometries.repaired) {
    warnings.push({
      code: 'invalid-geometries',
      text: {
        de: `${report.invalidGeometries.found - report.invalidGeometries.repaired} Geometrien sind ungültig und konnten nicht sicher repariert werden; sie werden übernommen und in der Liste markiert.`,
        en: `${report.invalidGeometries.found - report.invalidGeometries.repaired} geometries are invalid and could not be repaired safely; they are kept and marked in the list.`,
      },
    });
  }
  return {
    kind: 'boundaries',
    layerName,
    layerTitle: imported.layerInfo.title,
    source,
    report: {
      featureCount: report.featureCount,
      areaCount: imported.areas.length,
      crs: { detected: report.crs.detected.code, how: report.crs.detected.how, confidence: report.crs.detected.confidence, alternatives: report.crs.detected.alternatives, used: report.crs.used },
      encoding: {
        detected: detection?.encoding ?? null,
        confidence: detection?.confidence ?? 1,
        how: detection === null ? 'format' : hasCpg ? 'cpg' : detection.bom ? 'bom' : 'content',
        candidates: detection?.candidates ?? [],
        preview: detection?.preview ?? [],
        used: report.encoding.used,
      },
      keyField: report.keyField,
      nameField: report.nameField,
      keyDerivation: report.keyDerivation,
      invalidGeometries: report.invalidGeometries,
      duplicateKeys: report.duplicateKeys,
      filteredOut: report.filteredOut,
      withoutName: report.withoutName,
      dissolvedBy: report.dissolvedBy,
      fields: report.fields,
      warnings,
    },
    areas: imported.areas.map((area) => ({ key: area.key, name: area.name, areaKm2: geodesicAreaKm2(area.geometry) })),
    // The CLI draws no map: it asks for none (input `mapPreview: false`).
    preview: mapPreview ? simplifiedPreview(imported) : ({ type: 'FeatureCollection', features: [] } as unknown as BoundaryPreview['preview']),
  };
}

/** Reads a boundary file and proposes its source. */
export async function readBoundaryFile(filePath: string, options: ReadBoundariesOptions): Promise<{ imported: BoundaryImport; source: BoundaryPreview['source']; hasCpg: boolean }> {
  const imported = await readBoundaries(filePath, options);
  const sidecars = readSidecarTexts(filePath, options.layer);
  const source = proposeBoundarySource({
    fields: imported.report.fields,
    fileName: `${path.basename(path.dirname(filePath))}/${options.layer ?? path.basename(filePath)}`,
    quellenvermerk: sidecars.quellenvermerk,
    aktualitaet: sidecars.aktualitaet,
    beginn: imported.report.latestAttributeDate,
  });
  // BKG layers get a readable title ("Gemeinden (VG250)"), which maps, legends and figures show.
  const title = source.isBkg ? bkgLayerTitle(imported.layerInfo.name) : null;
  if (title) imported.layerInfo.title = title;
  return { imported, source, hasCpg: sidecars.hasCpg || existsSync(filePath.replace(/\.(shp|dbf)$/i, '.cpg')) };
}
