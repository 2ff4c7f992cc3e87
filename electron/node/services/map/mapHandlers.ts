/**
 * Backend implementation of the contract methods in shared/contract/methods/map.ts.
 */
import type { mapMethods } from '../../../../shared/contract/methods/map';
import { allPeriodValuesFor } from '../indicatorService';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';
import { classifyIndicator } from './classifyIndicator';

export function createMapHandlers(context: ServiceContext): FeatureHandlers<typeof mapMethods> {
  return {
    async 'indicator.allPeriodValues'({ indicatorId, layer, ...derivation }) {
      return allPeriodValuesFor(context.current().db, indicatorId, layer, derivation);
    },
    async 'map.classify'(input) {
      return classifyIndicator(context.current().db, input);
    },
  };
}
