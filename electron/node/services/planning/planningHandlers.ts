/**
 * Backend implementation of the contract methods in shared/contract/methods/planning.ts.
 */
import type { planningMethods } from '../../../../shared/contract/methods/planning';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';

export function createPlanningHandlers(_context: ServiceContext): FeatureHandlers<typeof planningMethods> {
  return {};
}
