/**
 * Contract methods for print-ready figures (SVG, PNG, PDF), single and batch.
 */
export const exportMethods = {} as const;
