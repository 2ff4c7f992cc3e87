/**
 * Browser mode reads import files in a worker thread: while a large boundary file is read and validated,
 * the event loop (which answers the page's other requests) stays free, and `import.cancel` ends the
 * reading at once instead of after it — from source, and in the prebuilt server that `npm start` and
 * `kleinraum serve` run.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliBackend } from '../../../electron/node/cli/backend';
import { useImportWorker } from '../../../electron/node/services/import/offThread';
import { startServe } from '../../helpers/serveProcess';
import { makeTempDir } from '../../helpers/tempDir';

const directory = makeTempDir('kleinraum-offthread-');
afterAll(() => {
  useImportWorker(false);
  directory.remove();
});

/** One municipality-sized polygon near Hannover with `vertices` points (valid: a wavy circle). */
function largeGeoJson(vertices: number): string {
  const ring: number[][] = [];
  for (let index = 0; index < vertices; index += 1) {
    const angle = (index / vertices) * 2 * Math.PI;
    const radius = 0.1 + 0.002 * Math.sin(angle * 400);
    ring.push([9.73 + radius * Math.cos(angle), 52.37 + radius * 0.6 * Math.sin(angle)]);
  }
  ring.push(ring[0]!);
  return JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { AGS: '03241001', GEN: 'Hannover' }, geometry: { type: 'Polygon', coordinates: [ring] } }] });
}

describe('import work off the event loop', () => {
  it('keeps the event loop free while a large file is read, and cancel ends the reading at once', async () => {
    const file = directory.file('gross.geojson');
    fs.writeFileSync(file, largeGeoJson(400_000));
    useImportWorker();
    const backend = await createCliBackend(directory.file('data'));
    try {
      let longestPauseMs = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        longestPauseMs = Math.max(longestPauseMs, now - last);
        last = now;
      }, 10);
      const started = performance.now();
      const preview = await backend.call('import.previewBoundaries', { path: file, taskId: 'gross-1' });
      const readMs = performance.now() - started;
      clearInterval(ticker);
      expect(preview.areas.map((area) => area.key)).toEqual(['03241001']);
      // The reading took far longer than any pause of the event loop.
      expect(longestPauseMs).toBeLessThan(Math.max(250, readMs / 4));

      const cancelled = backend.call('import.previewBoundaries', { path: file, taskId: 'gross-2' }).then(
        () => 'finished',
        (error: unknown) => (error as { code?: string }).code,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const cancelStarted = performance.now();
      expect(await backend.call('import.cancel', { importId: 'gross-2' })).toEqual({ cancelled: true });
      expect(await cancelled).toBe('cancelled');
      expect(performance.now() - cancelStarted).toBeLessThan(Math.max(1000, readMs / 2));
      // The next preview starts a fresh worker and works.
      const again = await backend.call('import.previewBoundaries', { path: file, taskId: 'gross-3' });
      expect(again.areas).toHaveLength(1);
    } finally {
      backend.dispose();
    }
  }, 120_000);

  it('does so in the prebuilt server too: kleinraum serve reads in its bundled worker, so cancel ends a long read', async () => {
    const file = directory.file('gross-serve.geojson');
    fs.writeFileSync(file, largeGeoJson(400_000));
    const server = await startServe(['--allow-dir', directory.path, '--data-dir', directory.file('serve-data')]);
    try {
      const started = performance.now();
      await server.call('import.previewBoundaries', { path: file, taskId: 'serve-0' });
      const readMs = performance.now() - started;
      const preview = server.call('import.previewBoundaries', { path: file, taskId: 'serve-1' }).then(
        () => 'finished',
        (error: unknown) => (/"code":"cancelled"/.test(String(error)) ? 'cancelled' : String(error)),
      );
      // Long enough for the worker to start reading; far shorter than the read itself.
      await new Promise((resolve) => setTimeout(resolve, Math.min(300, readMs / 4)));
      // Read inline, the server would answer only after the whole file was read.
      const asked = performance.now();
      await server.call('project.current');
      expect(performance.now() - asked).toBeLessThan(Math.max(250, readMs / 4));
      expect(await server.call('import.cancel', { importId: 'serve-1' })).toEqual({ cancelled: true });
      expect(await preview).toBe('cancelled');
    } finally {
      await server.stop();
    }
  }, 120_000);
});
