/**
 * Backend implementation of the contract methods in shared/contract/methods/export.ts.
 */
import type { exportMethods } from '../../../../shared/contract/methods/export';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';

export function createExportHandlers(_context: ServiceContext): FeatureHandlers<typeof exportMethods> {
  return {};
}
