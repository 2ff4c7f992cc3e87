/**
 * Issue 16, row 1: importing the Germany-wide VG250 municipalities (10 990 polygons, UTM 32N → WGS84) as a
 * whole command — `kleinraum import` into a new project file, which reads the zip, reprojects, repairs
 * invalid geometries and writes the GeoPackage — next to mapshaper (`-i ZIP -proj wgs84 -o out.json`) and
 * ogr2ogr (GeoJSON in WGS84) on the same zip, in the same run. Goals: ≤ 0.8 × mapshaper's wall time and
 * ≤ 1.0 × its peak memory. Figures are medians of 3 runs.
 */
import fs from 'node:fs';
import { makeTempDir } from '../helpers/tempDir';
import type { Benchmark } from './benchmark';
import { GERMANY_BOUNDARIES_ZIP, kleinraumCommand, mapshaperCommand, measureCommand, ogr2ogrOrSkip, ratio, rounded } from './peers';

const REPETITIONS = 3;

const importCommand: Benchmark = {
  name: 'import-command',
  async run() {
    const directory = makeTempDir('kleinraum-bench-import-');
    try {
      const project = directory.file('deutschland.gpkg');
      const kleinraum = measureCommand(kleinraumCommand('import', project, GERMANY_BOUNDARIES_ZIP, '--data-dir', directory.file('data')), {
        repetitions: REPETITIONS,
        // Each run imports into a new project file, as the first import of a planner does.
        prepare: () => fs.rmSync(project, { force: true }),
      });
      const mapshaper = measureCommand(mapshaperCommand('-i', GERMANY_BOUNDARIES_ZIP, '-proj', 'wgs84', '-o', directory.file('mapshaper.json'), 'force'), { repetitions: REPETITIONS });
      const figures: Record<string, number> = {
        kleinraumWallMs: rounded(kleinraum.wallMs),
        kleinraumCpuMs: rounded(kleinraum.cpuMs),
        kleinraumPeakMemoryMb: rounded(kleinraum.peakMemoryMb),
        mapshaperWallMs: rounded(mapshaper.wallMs),
        mapshaperCpuMs: rounded(mapshaper.cpuMs),
        mapshaperPeakMemoryMb: rounded(mapshaper.peakMemoryMb),
        ratioWallToMapshaper: ratio(kleinraum.wallMs, mapshaper.wallMs),
        ratioCpuToMapshaper: ratio(kleinraum.cpuMs, mapshaper.cpuMs),
        ratioMemoryToMapshaper: ratio(kleinraum.peakMemoryMb, mapshaper.peakMemoryMb),
        goalRatioWallToMapshaper: 0.8,
        goalRatioMemoryToMapshaper: 1.0,
      };
      const ogr2ogr = ogr2ogrOrSkip('import-command');
      if (ogr2ogr) {
        const output = directory.file('ogr2ogr.json');
        const gdal = measureCommand([ogr2ogr, '-f', 'GeoJSON', '-t_srs', 'EPSG:4326', output, `/vsizip/${GERMANY_BOUNDARIES_ZIP}/VG250_GEM.shp`], {
          repetitions: REPETITIONS,
          prepare: () => fs.rmSync(output, { force: true }),
        });
        Object.assign(figures, {
          ogr2ogrWallMs: rounded(gdal.wallMs),
          ogr2ogrPeakMemoryMb: rounded(gdal.peakMemoryMb),
          ratioWallToOgr2ogr: ratio(kleinraum.wallMs, gdal.wallMs),
        });
      }
      return figures;
    } finally {
      directory.remove();
    }
  },
};

export default importCommand;
