/**
 * Contract methods for the map: classification, map settings.
 */
export const mapMethods = {} as const;
