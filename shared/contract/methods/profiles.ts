/**
 * Contract methods for the side-by-side municipality profiles.
 */
export const profileMethods = {} as const;
