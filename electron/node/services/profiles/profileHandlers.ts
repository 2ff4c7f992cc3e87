/**
 * Backend implementation of the contract methods in shared/contract/methods/profiles.ts.
 */
import type { profileMethods } from '../../../../shared/contract/methods/profiles';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';

export function createProfileHandlers(_context: ServiceContext): FeatureHandlers<typeof profileMethods> {
  return {};
}
