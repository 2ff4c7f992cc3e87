// The import wizard's sequence and the layer picker against the real backend: after a boundary import the
// new layer's features load; choosing the shown layer again (as after a table import into it) keeps them;
// switching back and forth loads each layer's features.
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessBackend } from '../../helpers/inProcessBackend';
import { createApiClient, type KleinraumClient } from '../../../renderer/api/client';
import { createBackendQueryClient } from '../../../renderer/api/backend';
import { startSession } from '../../../renderer/store/session';
import { createKleinraumStore, type KleinraumStore } from '../../../renderer/store/store';
import { sharedDataAvailable, sharedDataPath } from '../../helpers/sharedData';
import { makeTempDir } from '../../helpers/tempDir';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
});

function start(): { store: KleinraumStore; client: KleinraumClient } {
  const directory = makeTempDir('kleinraum-layer-switch-');
  const { transport, dispose } = createInProcessBackend(directory.path);
  const store = createKleinraumStore();
  const client = createApiClient(transport);
  const session = startSession(store, client, createBackendQueryClient());
  cleanup.push(() => {
    session.dispose();
    dispose();
    directory.remove();
  });
  return { store, client };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

describe('choosing the shown layer again', () => {
  it('keeps its features (nothing would reload them)', async () => {
    const { store } = start();
    await until(() => store.getState().features !== null, 'demo features');
    const features = store.getState().features;
    store.getState().chooseLayer(store.getState().layerName as string);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().features).toBe(features);
  });
});

describe('a boundary import through the wizard sequence', () => {
  it('loads the new layer, survives a re-choice of it, and switches back and forth', async (context) => {
    if (!sharedDataAvailable()) {
      console.log('skipped: ../shared/data is not present beside the checkout');
      context.skip();
    }
    const { store, client } = start();
    await until(() => store.getState().indicatorValues !== null, 'demo values');
    const preview = await client['import.previewBoundaries']({
      path: sharedDataPath('hannover_stadt', 'stadtteile', 'stadtteile_hannover_skh5000_qgis2web_crs84.geojson'),
      keyField: 'STADTTLNR',
    });
    const result = await client['import.commit']({ importId: preview.importId, layerName: 'stadtteile' });
    // What BoundaryStep and TableStep do after a commit.
    store.getState().projectReceived(result.summary, false);
    store.getState().chooseLayer(result.layer);
    await until(() => store.getState().features?.features.length === 51 && store.getState().indicatorValues?.layer === 'stadtteile', 'stadtteile loaded');
    store.getState().projectReceived(result.summary, false);
    store.getState().chooseLayer(result.layer);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().features?.features).toHaveLength(51);

    store.getState().chooseLayer('gemeinden');
    await until(() => store.getState().features?.features.length === 21 && store.getState().indicatorValues?.layer === 'gemeinden', 'gemeinden again');
    store.getState().chooseLayer('stadtteile');
    await until(() => store.getState().features?.features.length === 51, 'stadtteile again');
  }, 30_000);
});
