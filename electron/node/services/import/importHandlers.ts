/**
 * Backend implementation of the contract methods in shared/contract/methods/import.ts.
 */
import type { importMethods } from '../../../../shared/contract/methods/import';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';

export function createImportHandlers(_context: ServiceContext): FeatureHandlers<typeof importMethods> {
  return {};
}
