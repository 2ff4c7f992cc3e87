/**
 * UI texts of the import feature, German and English. The English catalogue must have exactly the German keys
 * (a missing key fails the typecheck). Keys start with the feature name.
 */
export const importTextsDe = {} as const;

export const importTextsEn: Record<keyof typeof importTextsDe, string> = {};
