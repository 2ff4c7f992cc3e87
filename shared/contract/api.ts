/**
 * The one typed contract between the UI and the backend. Every backend capability is one method, with an
 * input and an output schema (zod, checked at runtime on both ends of every transport). Transports
 * (Electron IPC in electron/main, loopback HTTP in electron/node/server) are generic: they hold no feature
 * logic, they only call `dispatch` (shared/contract/dispatch.ts).
 *
 * The methods live in one module per feature (shared/contract/methods/) and are composed here, so features
 * grow side by side without editing one long file. Naming: `<area>.<verb>`; inputs and outputs are JSON.
 */
import { z } from 'zod';
import { analysisMethods } from './methods/analysis';
import { monitoringMethods } from './methods/monitoring';
import { exportMethods } from './methods/export';
import { flowMethods } from './methods/flows';
import { importMethods } from './methods/import';
import { mapMethods } from './methods/map';
import { movementMethods } from './methods/movement';
import { planningMethods } from './methods/planning';
import { profileMethods } from './methods/profiles';
import { projectMethods } from './methods/project';
import { sourceMethods } from './methods/sources';
import { type areaDetails, type featureCollection, type hostInfo, type indicatorValue, type indicatorValues, projectSummary } from './schemas';

export * from './schemas';

export const contract = {
  ...projectMethods,
  ...importMethods,
  ...mapMethods,
  ...exportMethods,
  ...profileMethods,
  ...planningMethods,
  ...sourceMethods,
  ...analysisMethods,
  ...movementMethods,
  ...flowMethods,
  ...monitoringMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** The backend as one interface: what services implement and what the renderer's client offers. */
export type KleinraumApi = { [M in MethodName]: (input: z.output<Contract[M]['input']>) => Promise<MethodOutput<M>> };

/** Events pushed from backend to UI. */
export const events = {
  'project.changed': projectSummary,
  progress: z.object({ taskId: z.string(), label: z.string(), done: z.number(), total: z.number().nullable(), finished: z.boolean() }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type ProjectSummary = z.output<typeof projectSummary>;
export type IndicatorValues = z.output<typeof indicatorValues>;
export type IndicatorValue = z.output<typeof indicatorValue>;
export type AreaDetails = z.output<typeof areaDetails>;
export type HostInfo = z.output<typeof hostInfo>;
export type FeatureCollectionDto = z.output<typeof featureCollection>;
