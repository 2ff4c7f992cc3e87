/**
 * Runtime schemas (zod) for scenarios and rates, for everything that arrives as JSON: the project file,
 * the contract, a scenario file given to the CLI. The schemas are typed against the interfaces in
 * scenarioModel.ts, so the two cannot drift apart without a compile error.
 * Range checks (shares in 0..1, 1–10 years, …) stay in runScenario, which names the field in the user's language.
 */
import { z } from 'zod';
import { UserError } from '../contract/errors';
import type { CostRates, DemandRates, Scenario } from './scenarioModel';

const localizedText = z.object({ de: z.string(), en: z.string() });
const valueBasis = z.object({ kind: z.enum(['source', 'assumption']), text: localizedText });
const documentedNumber = z.object({ value: z.number(), basis: valueBasis });
const documentedNumbers = z.object({ value: z.array(z.number()), basis: valueBasis });
const ageGroupValue = z.object({ fromAge: z.number().int(), toAge: z.number().int(), value: z.number() });
const byStatus = z.object({ asylumPending: documentedNumber, protectionGranted: documentedNumber });
/** Persons per social-work position, by status (the project's demand rates, or a scenario's own). */
const careRatiosSchema = z.object({ asylumPending: z.object({ personsPerStaff: documentedNumber }), protectionGranted: z.object({ personsPerStaff: documentedNumber }) });

const figuresOf = <T extends z.ZodType>(schema: T) => z.object({ kita: schema, school: schema, integration: schema, accommodation: schema, staff: schema });

export const scenarioSchema: z.ZodType<Scenario> = z.object({
  id: z.string().min(1),
  name: localizedText,
  startYear: z.number().int(),
  years: z.number().int(),
  yearlyInflow: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('preset'), level: z.enum(['low', 'medium', 'high']) }),
    z.object({ kind: z.literal('typed'), arrivalsPerYear: z.union([z.number(), z.array(z.number())]) }),
  ]),
  allocation: z.object({
    populationKey: z.record(z.string(), z.number()).optional(),
    credits: z.record(z.string(), z.union([z.number(), z.array(z.number())])).optional(),
    carryOver: z.boolean(),
    openingBalance: z.record(z.string(), z.number()).optional(),
  }),
  recognitionRate: documentedNumber,
  departureRate: byStatus,
  onwardMoveRate: documentedNumber,
  onwardMoveDestinationWeights: z.record(z.string(), z.number()).optional(),
  arrivalStructure: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('singleYear'), shares: z.object({ f: z.array(z.number()), m: z.array(z.number()) }), basis: valueBasis }),
    z.object({ kind: z.literal('ageGroups'), groups: z.object({ f: z.array(ageGroupValue), m: z.array(ageGroupValue) }), basis: valueBasis }),
  ]),
  naturalMovement: z.object({ fertilityByAge: documentedNumbers, boysShareOfBirths: documentedNumber, mortalityByAge: documentedNumbers }).optional(),
  careRatios: careRatiosSchema.optional(),
  assumptions: localizedText,
});

const ageRangeRate = z.object({ id: z.string(), label: localizedText, fromAge: z.number().int(), toAge: z.number().int(), residents: documentedNumber, refugees: documentedNumber });

export const demandRatesSchema: z.ZodType<DemandRates> = z.object({
  kita: z.array(ageRangeRate),
  school: z.array(ageRangeRate),
  integration: z.object({ fromAge: z.number().int(), toAge: z.number().int(), eligibleShare: byStatus, participationRate: documentedNumber }),
  accommodationNeedShare: byStatus,
  staff: careRatiosSchema,
});

export const costRatesSchema: z.ZodType<CostRates> = z.object({
  costPerUnitPerYear: figuresOf(documentedNumber),
  costOfMissingUnitPerYear: figuresOf(documentedNumber),
});

/**
 * Reads a scenario from parsed JSON, or throws a UserError naming the first field that is wrong.
 * @example parseScenario(JSON.parse(text)).id
 */
export function parseScenario(json: unknown): Scenario {
  return parseWith(scenarioSchema, json, { de: 'Szenario', en: 'scenario' });
}

/** Reads demand rates from parsed JSON, or throws a UserError naming the first wrong field. */
export function parseDemandRates(json: unknown): DemandRates {
  return parseWith(demandRatesSchema, json, { de: 'Bedarfsquoten', en: 'demand rates' });
}

/** Reads cost rates from parsed JSON, or throws a UserError naming the first wrong field. */
export function parseCostRates(json: unknown): CostRates {
  return parseWith(costRatesSchema, json, { de: 'Kostensätze', en: 'cost rates' });
}

function parseWith<T>(schema: z.ZodType<T>, json: unknown, what: { de: string; en: string }): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
  throw new UserError('bad-input', {
    de: `Die Angaben „${what.de}“ sind unvollständig oder fehlerhaft im Feld „${field}“ (${issue?.message ?? 'ungültig'}). Bitte das Feld ergänzen oder korrigieren.`,
    en: `The ${what.en} are incomplete or wrong in the field "${field}" (${issue?.message ?? 'invalid'}). Please complete or correct the field.`,
  });
}
