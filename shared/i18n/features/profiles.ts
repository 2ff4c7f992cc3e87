/**
 * UI texts of the profiles feature, German and English. The English catalogue must have exactly the German keys
 * (a missing key fails the typecheck). Keys start with the feature name.
 */
export const profileTextsDe = {} as const;

export const profileTextsEn: Record<keyof typeof profileTextsDe, string> = {};
