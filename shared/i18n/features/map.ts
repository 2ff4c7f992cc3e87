/**
 * UI texts of the map feature, German and English. The English catalogue must have exactly the German keys
 * (a missing key fails the typecheck). Keys start with the feature name.
 */
export const mapTextsDe = {} as const;

export const mapTextsEn: Record<keyof typeof mapTextsDe, string> = {};
