/**
 * Golden image: the demo's "Ausländeranteil" figure (A4 landscape, 100 dpi, fixed date) rendered to PNG
 * and compared with test/golden/export/demo-foreign-share-a4.png with a tolerance. Regenerate with
 * `REGEN=1 npx vitest run test/golden/export` — and look at the new picture before committing it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { KleinraumApi } from '../../../shared/contract/api';
import { composeFigure, type AreaCollection } from '../../../shared/export/composeFigure';
import { resolveExportLayout } from '../../../shared/export/exportLayout';
import { createKleinraumApi, disposeKleinraumApi } from '../../../electron/node/services/createKleinraumApi';
import { renderPng } from '../../../electron/node/export/renderPng';
import { repoRoot } from '../../helpers/repoRoot';
import { makeTempDir } from '../../helpers/tempDir';
import { figureDrawing } from '../../unit/export/figureFixture';

const goldenPath = path.join(repoRoot, 'test/golden/export/demo-foreign-share-a4.png');
const DOTS_PER_INCH = 100;

async function renderDemoFigure(api: KleinraumApi): Promise<Buffer> {
  const summary = await api['project.current']({});
  const layer = summary.layers[0]!;
  const values = await api['indicator.values']({ indicatorId: 'foreign_share', layer: layer.name, period: '2024-12-31' });
  const areas = (await api['layer.features']({ layer: layer.name })) as unknown as AreaCollection;
  const figure = composeFigure({
    areas,
    values,
    layerTitle: layer.title.de,
    boundarySource: summary.sources.find((source) => source.id === layer.sourceId) ?? null,
    schematicBoundaries: layer.schematic,
    ...figureDrawing(values, { symbology: { method: 'quantile', classes: 5 } }),
    layout: resolveExportLayout({ author: { text: 'Region Hannover, Team Sozialplanung' }, inset: { visible: true } }),
    locale: 'de',
    createdOn: '2025-05-03',
  });
  return renderPng(figure.svg, figure.widthMm, DOTS_PER_INCH).bytes;
}

/** RGBA pixels of a PNG, decoded by resvg (drawing the PNG 1:1 as an image). */
function pixelsOf(png: Buffer): { width: number; height: number; pixels: Buffer } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const image = new Resvg(svg, { fitTo: { mode: 'original' } }).render();
  return { width, height, pixels: image.pixels };
}

describe('golden PNG of the demo figure', () => {
  it('matches the stored image within the tolerance', async () => {
    const directory = makeTempDir('kleinraum-golden-');
    const api = createKleinraumApi({ dataDir: directory.file('data'), host: { mode: 'browser', version: '0.1.0' }, emit: () => {} });
    try {
      const actual = await renderDemoFigure(api);
      if (process.env.REGEN === '1' || !fs.existsSync(goldenPath)) {
        fs.writeFileSync(goldenPath, actual);
        console.log(`golden image written: ${path.relative(repoRoot, goldenPath)} — look at it before committing`);
      }
      const expected = pixelsOf(fs.readFileSync(goldenPath));
      const got = pixelsOf(actual);
      expect([got.width, got.height]).toEqual([expected.width, expected.height]);
      let differing = 0;
      for (let index = 0; index < got.pixels.length; index += 4) {
        for (let channel = 0; channel < 3; channel++) {
          if (Math.abs((got.pixels[index + channel] as number) - (expected.pixels[index + channel] as number)) > 40) {
            differing++;
            break;
          }
        }
      }
      // Up to 0.5 % of the pixels may differ (anti-aliasing across resvg builds); a moved or recoloured area does not pass.
      expect(differing / (got.width * got.height)).toBeLessThan(0.005);
    } finally {
      disposeKleinraumApi(api);
      directory.remove();
    }
  });
});
