/**
 * MapLibre's page-wide set-up, in one place for every map of the app: where its worker script is, and
 * starting the workers early. The workers fetch and compile an 800 kB script before a map can cut its
 * areas into tiles; started when the page starts, that runs while the page asks the backend for the
 * project, instead of after the first map is created (about half a second later).
 */
import * as maplibregl from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(maplibreWorkerUrl);

/** Starts MapLibre's shared workers now (idempotent). */
export function prewarmMaps(): void {
  maplibregl.prewarm();
}

export { maplibregl };
