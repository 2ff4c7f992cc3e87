/**
 * One view, one drawing (issue 11): for every classification method and every derivation mode (value, index,
 * change, changePercent, perKm2, percentOf, and classes fixed across Stichtage) on the demo, and on an
 * imported layer (Niedersachsen's municipalities from BKG VG5000 with the Zensus 2022 population), the app's
 * map path, `kleinraum classify` (map.classify) and the exported figure give identical breaks
 * and colours, and the result equals the committed golden of the method.
 *
 * The app's path is rebuilt from the same pieces the renderer uses: its values requests
 * (shared/mapView/viewValues.ts, as renderer/store/session.ts and renderer/map/useMapSymbology.ts build
 * them), `drawViewValues` (as renderer/map/useMapDrawing.ts draws) and `buildIndicatorLegend` (the legend
 * and the table's class column). The figure's legend swatches and labels are read from its SVG.
 *
 * Regenerate the goldens after an intended change: KLEINRAUM_UPDATE_GOLDENS=1 npx vitest run test/integration/mapView
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliBackend, type CliBackend } from '../../../electron/node/cli/backend';
import { CLASSIFICATION_METHODS, type ClassificationMethod } from '../../../shared/classification/types';
import type { IndicatorMode } from '../../../shared/indicators/indicatorMode';
import { buildIndicatorLegend } from '../../../shared/mapView/indicatorLegend';
import type { MapViewSpec } from '../../../shared/mapView/mapViewSpec';
import { allPeriodValuesRequest, drawViewValues, indicatorValuesRequest, selectionOfView } from '../../../shared/mapView/viewValues';
import { repoRoot } from '../../helpers/repoRoot';
import { sharedDataPath } from '../../helpers/sharedData';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

const goldenDir = path.join(repoRoot, 'test', 'golden', 'mapView');
const updateGoldens = process.env.KLEINRAUM_UPDATE_GOLDENS === '1';

interface Case {
  name: string;
  indicatorId: string;
  layer: string;
  mode: IndicatorMode;
  fixedClasses: boolean;
  /** The denominator of percentOf. */
  denominatorVariable?: string;
}

/** What a method gives in one case: the comparable essence of map, CLI and figure. */
interface Drawing {
  breaks: number[];
  colours: string[];
  counts: number[];
  labels: string[];
  noData: number;
}

let temp: TempDir;
let demo: CliBackend;
let imported: CliBackend;

beforeAll(async () => {
  temp = makeTempDir('kleinraum-one-drawing-');
  demo = await createCliBackend(temp.file('demo'));
  await demo.call('project.openDemo', {});
  imported = await createCliBackend(temp.file('imported'));
  await imported.call('project.new', {});
  const boundaries = await imported.call('import.previewBoundaries', { path: sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_GEM.shp'), filterKeyPrefix: '03' });
  await imported.call('import.commit', { importId: boundaries.importId });
  const table = await imported.call('import.previewTable', { path: sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_gemeinden.csv'), layer: 'vg5000_gem' });
  await imported.call('import.commit', { importId: table.importId });
}, 240_000);

afterAll(() => {
  demo?.dispose();
  imported?.dispose();
  temp?.remove();
});

const CASES: { backend: () => CliBackend; cases: Case[] }[] = [
  {
    backend: () => demo,
    cases: [
      ...(['value', 'index', 'change', 'changePercent'] as const).map((mode) => ({ name: `demo ${mode}`, indicatorId: 'refugees_per_1000', layer: 'gemeinden', mode, fixedClasses: false })),
      { name: 'demo value, classes fixed across Stichtage', indicatorId: 'refugees_per_1000', layer: 'gemeinden', mode: 'value', fixedClasses: true },
      { name: 'demo change, classes fixed across Stichtage', indicatorId: 'refugees_per_1000', layer: 'gemeinden', mode: 'change', fixedClasses: true },
      { name: 'demo perKm2', indicatorId: 'refugees_total', layer: 'gemeinden', mode: 'perKm2', fixedClasses: false },
      { name: 'demo percentOf', indicatorId: 'refugees_total', layer: 'gemeinden', mode: 'percentOf', fixedClasses: false, denominatorVariable: 'population' },
    ],
  },
  {
    backend: () => imported,
    // No index here: 27 of the layer's areas have no Zensus value, so the region's value (and every index) is
    // not computable, by design ("Regionswert nicht berechenbar"); no change either (one Stichtag).
    cases: (['value', 'perKm2'] as const).map((mode) => ({ name: `Niedersachsen VG5000 + Zensus ${mode}`, indicatorId: 'population_total', layer: 'vg5000_gem', mode, fixedClasses: false })),
  },
];

/** Manual breaks: three inner bounds at a quarter, half and three quarters of the values' range. */
function manualBreaks(values: (number | null)[]): number[] {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) throw new Error('manual breaks need values');
  const low = Math.min(...present);
  const high = Math.max(...present);
  return [0.25, 0.5, 0.75].map((share) => Number((low + (high - low) * share).toPrecision(3)));
}

async function drawCase(backend: CliBackend, testCase: Case, method: ClassificationMethod): Promise<Drawing> {
  const request = { indicatorId: testCase.indicatorId, layer: testCase.layer };
  const denominator = testCase.denominatorVariable ? { denominatorVariable: testCase.denominatorVariable } : {};
  let breaks: number[] = [];
  if (method === 'manual') breaks = manualBreaks((await backend.call('indicator.values', { ...request, ...(testCase.mode !== 'value' ? { mode: testCase.mode } : {}), ...denominator })).values.map((entry) => entry.value));
  const view = { ...request, derivation: { mode: testCase.mode, ...denominator }, symbology: { method, classes: 5, breaks, fixedClasses: testCase.fixedClasses } };

  // kleinraum classify
  const classified = await backend.call('map.classify', { view });
  const spec = classified.view as MapViewSpec & { layer: string };

  // the app's map: the renderer's requests, drawing and legend
  const selection = selectionOfView(spec);
  const shown = await backend.call('indicator.values', indicatorValuesRequest(selection));
  const series = spec.symbology.fixedClasses ? (await backend.call('indicator.allPeriodValues', allPeriodValuesRequest(selection))).series : [];
  const drawn = drawViewValues(spec, shown, series);
  const legend = buildIndicatorLegend(drawn, { ...shown, sources: [] }, { locale: 'de', smallNumberThreshold: 3, fixedAcrossPeriods: null });

  expect(drawn.classification.breaks, 'map and classify: breaks').toEqual(classified.breaks);
  expect(drawn.colours, 'map and classify: class colours').toEqual(classified.classes.map((entry) => entry.color));
  const classOf = new Map(classified.areas.map((area) => [area.key, area.class]));
  for (const [key, classIndex] of drawn.classByKey) expect(classIndex, `class of ${key}`).toBe(classOf.get(key) ?? null);
  expect(legend.rows.map((row) => row.count), 'legend and classify: counts').toEqual(classified.classes.map((entry) => entry.count));

  // the exported figure: its legend swatches and labels
  const preview = await backend.call('export.preview', { view: spec });
  const legendGroup = /<g id="legend">([\s\S]*?)<\/g>/.exec(preview.svg)?.[1] ?? '';
  const swatches = [...legendGroup.matchAll(/<rect[^>]*fill="(#[0-9a-fA-F]{6})"/g)].map((match) => match[1]!.toLowerCase());
  expect(swatches.slice(0, drawn.colours.length), 'figure: legend swatches').toEqual(drawn.colours.map((colour) => colour.toLowerCase()));
  const texts = [...legendGroup.matchAll(/<text[^>]*fill="#1a1a1a"[^>]*>([^<]*)<\/text>/g)].map((match) => unescapeXml(match[1]!));
  for (const row of legend.rows) expect(texts, `figure: legend label ${row.label}`).toContain(row.label);

  return { breaks: classified.breaks, colours: drawn.colours, counts: legend.rows.map((row) => row.count), labels: legend.rows.map((row) => row.label), noData: classified.noData.length };
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('map, legend, table, classify and figure draw one view', () => {
  for (const method of CLASSIFICATION_METHODS) {
    it(`${method}: identical on every case, and as its golden`, async () => {
      const drawings: Record<string, Drawing> = {};
      for (const group of CASES) for (const testCase of group.cases) drawings[testCase.name] = await drawCase(group.backend(), testCase, method).catch((error: unknown) => {
          throw new Error(`${testCase.name}: ${String(error)}`);
        });
      const file = path.join(goldenDir, `${method}.json`);
      if (updateGoldens) fs.writeFileSync(file, `${JSON.stringify(drawings, null, 1)}\n`);
      expect(fs.existsSync(file), `golden ${method}.json is missing: run with KLEINRAUM_UPDATE_GOLDENS=1`).toBe(true);
      const golden = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Drawing>;
      expect(Object.keys(drawings)).toEqual(Object.keys(golden));
      for (const [name, drawing] of Object.entries(drawings)) {
        const expected = golden[name]!;
        expect(drawing.colours, `${name}: colours`).toEqual(expected.colours);
        expect(drawing.counts, `${name}: counts`).toEqual(expected.counts);
        expect(drawing.labels, `${name}: labels`).toEqual(expected.labels);
        expect(drawing.noData, `${name}: no data`).toBe(expected.noData);
        expect(drawing.breaks.length, `${name}: breaks`).toBe(expected.breaks.length);
        drawing.breaks.forEach((bound, index) => expect(bound, `${name}: break ${index}`).toBeCloseTo(expected.breaks[index]!, 9));
      }
    }, 120_000);
  }
});
