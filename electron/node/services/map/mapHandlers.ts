/**
 * Backend implementation of the contract methods in shared/contract/methods/map.ts.
 */
import type { mapMethods } from '../../../../shared/contract/methods/map';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';

export function createMapHandlers(_context: ServiceContext): FeatureHandlers<typeof mapMethods> {
  return {};
}
