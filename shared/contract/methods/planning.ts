/**
 * Contract methods for infrastructure planning: scenarios, facilities, demand and gaps.
 */
export const planningMethods = {} as const;
