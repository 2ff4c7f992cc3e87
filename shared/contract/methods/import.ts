/**
 * Contract methods for importing boundaries and tables (preview, join report, commit).
 */
export const importMethods = {} as const;
