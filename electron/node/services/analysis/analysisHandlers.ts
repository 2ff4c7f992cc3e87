/**
 * Backend implementation of the contract methods in shared/contract/methods/analysis.ts (results in
 * analysisResults.ts, files in analysisExport.ts).
 */
import type { analysisMethods } from '../../../../shared/contract/methods/analysis';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';
import { exportAnalysisView } from './analysisExport';
import { computeMoran, computeRates, computeScatter, computeWeights } from './analysisResults';

export function createAnalysisHandlers(context: ServiceContext): FeatureHandlers<typeof analysisMethods> {
  return {
    async 'analysis.weights'(input) {
      return computeWeights(context.current().db, input);
    },
    async 'analysis.moran'(input) {
      return computeMoran(context.current().db, input);
    },
    async 'analysis.rates'(input) {
      return computeRates(context.current().db, input);
    },
    async 'analysis.scatter'(input) {
      return computeScatter(context.current().db, input);
    },
    async 'analysis.export'(input) {
      return exportAnalysisView(context.current().db, input);
    },
  };
}
