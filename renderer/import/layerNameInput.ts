/**
 * The import wizard's layer name: what users type and the technical name it is stored under (shared with
 * `kleinraum import --layer-name`, see shared/fileFormats/layerName.ts).
 */
export { LAYER_NAME_PATTERN, layerIdentifier, layerTitleToStore } from '../../shared/fileFormats/layerName';
