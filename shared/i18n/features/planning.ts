/**
 * UI texts of the planning feature, German and English. The English catalogue must have exactly the German keys
 * (a missing key fails the typecheck). Keys start with the feature name.
 */
export const planningTextsDe = {} as const;

export const planningTextsEn: Record<keyof typeof planningTextsDe, string> = {};
