/**
 * Backend implementation of the contract methods in shared/contract/methods/import.ts.
 */
import type { importMethods } from '../../../../shared/contract/methods/import';
import { UserError } from '../../../../shared/contract/errors';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';

function notYet(): never {
  throw new UserError('unsupported', { de: 'Der Import wird gerade eingebaut.', en: 'Import is being built.' });
}

export function createImportHandlers(_context: ServiceContext): FeatureHandlers<typeof importMethods> {
  return {
    'import.inspect': async () => notYet(),
    'import.previewBoundaries': async () => notYet(),
    'import.previewTable': async () => notYet(),
    'import.fetchOfficialBoundaries': async () => notYet(),
    'import.commit': async () => notYet(),
    'import.cancel': async () => ({ cancelled: false }),
  };
}
