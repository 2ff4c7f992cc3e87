/**
 * The optional basemap.de vector basemap (BKG, the official German basemap), under the choropleth. Off by
 * default; the map must keep working without it (offline, or a host the security policy does not allow).
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';

/** The web colour style of basemap.de (MapLibre style JSON). */
export const BASEMAP_STYLE_URL = 'https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/styles/bm_web_col.json';

/** Our own background when no basemap is shown. */
export const PLAIN_BACKGROUND_LAYER: LayerSpecification = { id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } };

/** Ids of the layers and sources the app draws itself start with this (areas-fill, areas-flagged …). */
export const OWN_LAYER_PREFIX = 'areas';

/**
 * The style to show: the basemap's layers (or the plain background) below the app's own area layers, which
 * are taken unchanged from the current style with their sources (colours, filters and data), so switching
 * the basemap never recolours or refetches the areas.
 * @example combineStyles(current, null).layers[0].id // 'background'
 */
export function combineStyles(current: StyleSpecification, basemap: StyleSpecification | null): StyleSpecification {
  const ownLayers = current.layers.filter((layer) => layer.id.startsWith(OWN_LAYER_PREFIX));
  const ownSources: Record<string, SourceSpecification> = Object.fromEntries(Object.entries(current.sources).filter(([id]) => id.startsWith(OWN_LAYER_PREFIX)));
  if (!basemap) {
    return { version: 8, sources: ownSources, layers: [PLAIN_BACKGROUND_LAYER, ...ownLayers] };
  }
  const basemapLayers = basemap.layers.filter((layer) => !layer.id.startsWith(OWN_LAYER_PREFIX));
  return { ...basemap, sources: { ...basemap.sources, ...ownSources }, layers: [...basemapLayers, ...ownLayers] };
}

/**
 * Loads the basemap style; resolves null when it cannot be had (offline, refused, not a style) within
 * `timeoutMilliseconds`, so the caller shows a note and carries on.
 */
export async function loadBasemapStyle(fetchStyle: typeof fetch, timeoutMilliseconds = 6000): Promise<StyleSpecification | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMilliseconds);
  try {
    const response = await fetchStyle(BASEMAP_STYLE_URL, { signal: controller.signal });
    if (!response.ok) return null;
    const style = (await response.json()) as Partial<StyleSpecification>;
    return style.version === 8 && Array.isArray(style.layers) && typeof style.sources === 'object' ? (style as StyleSpecification) : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
