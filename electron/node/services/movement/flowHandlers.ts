/**
 * Backend implementation of the contract methods in shared/contract/methods/flows.ts (flowResults.ts).
 */
import type { flowMethods } from '../../../../shared/contract/methods/flows';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';
import { computeFlows, exportFlows, importFlows } from './flowResults';

export function createFlowHandlers(context: ServiceContext): FeatureHandlers<typeof flowMethods> {
  return {
    async 'flows.compute'(input) {
      return computeFlows(context.current().db, input);
    },
    async 'flows.export'(input) {
      return exportFlows(context.current().db, input);
    },
    async 'flows.import'(input) {
      const result = importFlows(context.current(), input);
      context.changed();
      return result;
    },
  };
}
