/**
 * Issue 16, row 4: a Germany-wide choropleth figure (10 990 municipalities, population per km²) as SVG from
 * the command line — `kleinraum export-map` with title, legend, scale bar and labels — next to mapshaper
 * drawing the same areas with the same values (projected, classified into 5 quantiles, written as SVG) in
 * the same run. Goal: ≤ 1.0 × mapshaper's wall time, and legible: the labels are thinned to those that fit
 * inside their areas (shared/labels), so the figure carries tens of names, not 11 000 overlapping ones.
 * Medians of 3 runs; the project and mapshaper's input are written first, untimed.
 */
import fs from 'node:fs';
import { openDatabase } from '../../electron/node/storage/openDatabase';
import { readAreasAsFeatureCollection } from '../../electron/node/storage/projectReader';
import { makeTempDir } from '../helpers/tempDir';
import type { Benchmark } from './benchmark';
import { kleinraumCommand, mapshaperCommand, measureCommand, ratio, rounded, runKleinraumStep, writeGermanyProject } from './peers';

const REPETITIONS = 3;

/** mapshaper's input: the project's areas as GeoJSON with the values Kleinraum maps, in property `value`. */
function writePeerInput(project: string, dataDir: string, target: string): void {
  const classified = JSON.parse(runKleinraumStep('classify', project, '--indicator', 'population_total', '--mode', 'perKm2', '--method', 'quantile', '--classes', '5', '--json', '--data-dir', dataDir)) as {
    areas: { key: string; value: number | null }[];
  };
  const valueByKey = new Map(classified.areas.map((area) => [area.key, area.value]));
  const db = openDatabase(project, { readonly: true });
  try {
    const collection = readAreasAsFeatureCollection(db, 'vg250_gem');
    const features = collection.features.map((feature) => ({ type: 'Feature', properties: { key: feature.properties.key, value: valueByKey.get(feature.properties.key) ?? null }, geometry: feature.geometry }));
    fs.writeFileSync(target, JSON.stringify({ type: 'FeatureCollection', features }));
  } finally {
    db.close();
  }
}

const germanyFigure: Benchmark = {
  name: 'germany-figure',
  async run() {
    const directory = makeTempDir('kleinraum-bench-figure-');
    try {
      const project = writeGermanyProject(directory.path);
      const dataDir = directory.file('data');
      const peerInput = directory.file('deutschland.geojson');
      writePeerInput(project, dataDir, peerInput);
      const svg = directory.file('deutschland.svg');
      const kleinraum = measureCommand(kleinraumCommand('export-map', project, '--indicator', 'population_total', '--mode', 'perKm2', '--out', svg, '--data-dir', dataDir), { repetitions: REPETITIONS });
      const peerSvg = directory.file('mapshaper.svg');
      // The same projection family as the figure (transverse Mercator through the middle of Germany).
      const mapshaper = measureCommand(
        mapshaperCommand('-i', peerInput, '-proj', '+proj=tmerc +lon_0=10.45 +datum=WGS84', '-classify', 'field=value', 'method=quantile', 'classes=5', 'colors=Blues', '-o', peerSvg, 'force'),
        { repetitions: REPETITIONS },
      );
      const figure = fs.readFileSync(svg, 'utf8');
      const labels = /<g id="labels">(.*?)<\/g>/s.exec(figure)?.[1] ?? '';
      return {
        kleinraumWallMs: rounded(kleinraum.wallMs),
        kleinraumCpuMs: rounded(kleinraum.cpuMs),
        kleinraumPeakMemoryMb: rounded(kleinraum.peakMemoryMb),
        mapshaperWallMs: rounded(mapshaper.wallMs),
        mapshaperCpuMs: rounded(mapshaper.cpuMs),
        ratioWallToMapshaper: ratio(kleinraum.wallMs, mapshaper.wallMs),
        goalRatioWallToMapshaper: 1.0,
        kleinraumSvgMb: rounded(figure.length / 1024 ** 2),
        mapshaperSvgMb: rounded(fs.statSync(peerSvg).size / 1024 ** 2),
        // Halo and text are two elements per line of a label.
        areaLabelsInFigure: (labels.match(/<text /g) ?? []).length / 2,
        textElementsInFigure: (figure.match(/<text /g) ?? []).length,
      };
    } finally {
      directory.remove();
    }
  },
};

export default germanyFigure;
