/** Backend implementation of the contract methods in shared/contract/methods/monitoring.ts. */
import type { monitoringMethods } from '../../../../shared/contract/methods/monitoring';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';
import { exportMonitoring } from './monitoringExport';
import { computeMonitoring } from './monitoringResults';

export function createMonitoringHandlers(context: ServiceContext): FeatureHandlers<typeof monitoringMethods> {
  return {
    async 'monitoring.compute'(input) {
      return computeMonitoring(context.current().db, input);
    },
    async 'monitoring.export'(input) {
      return exportMonitoring(context.current().db, input);
    },
  };
}
