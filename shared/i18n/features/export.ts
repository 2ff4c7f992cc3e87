/**
 * UI texts of the export feature, German and English. The English catalogue must have exactly the German keys
 * (a missing key fails the typecheck). Keys start with the feature name.
 */
export const exportTextsDe = {} as const;

export const exportTextsEn: Record<keyof typeof exportTextsDe, string> = {};
