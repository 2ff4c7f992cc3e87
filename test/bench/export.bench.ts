/**
 * Benchmark: committee figures of the Region Hannover demo (issue 6 targets: SVG < 0.5 s, A4 landscape PNG
 * at 300 dpi < 2 s, a batch of 21 municipality PDFs < 30 s), through the export service as the app calls it.
 */
import { createKleinraumApi, disposeKleinraumApi } from '../../electron/node/services/createKleinraumApi';
import { makeTempDir } from '../helpers/tempDir';
import { median, millisecondsSince, repeat } from './benchmark';

export const name = 'export';

export async function run(): Promise<Record<string, number>> {
  const directory = makeTempDir('kleinraum-export-bench-');
  const api = createKleinraumApi({ dataDir: directory.file('data'), host: { mode: 'browser', version: '0.1.0' }, emit: () => {} });
  try {
    // The first call builds the demo project; it is not part of any export's time.
    await api['export.preview']({ view: { indicatorId: 'foreign_share' } });
    const svgMs = median(await repeat(5, () => api['export.map']({ view: { indicatorId: 'foreign_share' }, format: 'svg' })));
    const pngMs = median(await repeat(3, () => api['export.map']({ view: { indicatorId: 'foreign_share' }, format: 'png', dpi: 300 })));
    const started = performance.now();
    const batch = await api['export.batch']({ view: { indicatorId: 'foreign_share' }, by: 'areas', format: 'pdf', outDir: directory.file('areas') });
    return { svgA4MsMedian: svgMs, pngA4At300DpiMsMedian: pngMs, batch21PdfMs: millisecondsSince(started), batchFiles: batch.files.length };
  } finally {
    disposeKleinraumApi(api);
    directory.remove();
  }
}
