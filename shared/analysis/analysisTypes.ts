/**
 * The results of the Analyse tab as they cross the contract (shared/contract/methods/analysis.ts), named
 * for the figure and table builders of this folder.
 */
import type { z } from 'zod';
import type { analysisMoranOutput, analysisRatesOutput, analysisScatterOutput, weightsSpec } from '../contract/methods/analysis';

export type MoranResult = z.output<typeof analysisMoranOutput>;
export type RatesResult = z.output<typeof analysisRatesOutput>;
export type ScatterResult = z.output<typeof analysisScatterOutput>;
export type WeightsChoice = z.output<typeof weightsSpec>;
