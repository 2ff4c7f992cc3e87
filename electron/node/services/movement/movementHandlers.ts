/**
 * Backend implementation of the contract methods in shared/contract/methods/movement.ts (results in
 * movementResults.ts, files in movementExport.ts).
 */
import type { movementMethods } from '../../../../shared/contract/methods/movement';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';
import { exportBalance, exportTimeSeries } from './movementExport';
import { computeBalance, computeTimeSeries } from './movementResults';

export function createMovementHandlers(context: ServiceContext): FeatureHandlers<typeof movementMethods> {
  return {
    async 'timeseries.compute'(input) {
      return computeTimeSeries(context.current().db, input);
    },
    async 'timeseries.export'(input) {
      return exportTimeSeries(context.current().db, input);
    },
    async 'balance.compute'(input) {
      return computeBalance(context.current().db, input);
    },
    async 'balance.export'(input) {
      return exportBalance(context.current().db, input);
    },
  };
}
