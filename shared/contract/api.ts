/**
 * The one typed contract between the UI and the backend. Every backend capability is one method, with an
 * input and an output schema (zod, checked at runtime on both ends of every transport). Transports
 * (Electron IPC in electron/main, loopback HTTP in electron/node/server) are generic: they hold no feature
 * logic, they only call `dispatch` (shared/contract/dispatch.ts).
 *
 * The methods live in one module per feature area (shared/contract/methods/), so features grow side by
 * side without editing one long file. Naming: `<area>.<verb>`; inputs and outputs are JSON.
 *
 * An area's schemas are built when one of its methods is first called (`methodSchemas`), not when this
 * module loads: building all of zod's ~1 400 schema objects took about 45 ms of every CLI command and of
 * the server's start, and `kleinraum info` needs two areas of eleven. `METHOD_AREAS` says which area
 * defines which method; TypeScript holds it complete and a unit test holds it to the modules.
 */
import { z } from 'zod';
import type { analysisMethods } from './methods/analysis';
import type { exportMethods } from './methods/export';
import type { flowMethods } from './methods/flows';
import type { importMethods } from './methods/import';
import type { mapMethods } from './methods/map';
import type { monitoringMethods } from './methods/monitoring';
import type { movementMethods } from './methods/movement';
import type { planningMethods } from './methods/planning';
import type { profileMethods } from './methods/profiles';
import type { projectMethods } from './methods/project';
import type { sourceMethods } from './methods/sources';
import { type areaDetails, type featureCollection, type hostInfo, type indicatorValue, type indicatorValues, localizedText, projectSummary } from './schemas';

export * from './schemas';

/** The methods of each feature area, as its module in shared/contract/methods/ defines them. */
export interface ContractAreas {
  project: typeof projectMethods;
  import: typeof importMethods;
  map: typeof mapMethods;
  export: typeof exportMethods;
  profiles: typeof profileMethods;
  planning: typeof planningMethods;
  sources: typeof sourceMethods;
  analysis: typeof analysisMethods;
  movement: typeof movementMethods;
  flows: typeof flowMethods;
  monitoring: typeof monitoringMethods;
}
export type ContractArea = keyof ContractAreas;

export type Contract = ContractAreas['project'] &
  ContractAreas['import'] &
  ContractAreas['map'] &
  ContractAreas['export'] &
  ContractAreas['profiles'] &
  ContractAreas['planning'] &
  ContractAreas['sources'] &
  ContractAreas['analysis'] &
  ContractAreas['movement'] &
  ContractAreas['flows'] &
  ContractAreas['monitoring'];
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** The backend as one interface: what services implement and what the renderer's client offers. */
export type KleinraumApi = { [M in MethodName]: (input: z.output<Contract[M]['input']>) => Promise<MethodOutput<M>> };

/** Loads one area's module (its schemas are built then, once per process). */
const AREA_LOADERS: { readonly [A in ContractArea]: () => Promise<ContractAreas[A]> } = {
  project: async () => (await import('./methods/project')).projectMethods,
  import: async () => (await import('./methods/import')).importMethods,
  map: async () => (await import('./methods/map')).mapMethods,
  export: async () => (await import('./methods/export')).exportMethods,
  profiles: async () => (await import('./methods/profiles')).profileMethods,
  planning: async () => (await import('./methods/planning')).planningMethods,
  sources: async () => (await import('./methods/sources')).sourceMethods,
  analysis: async () => (await import('./methods/analysis')).analysisMethods,
  movement: async () => (await import('./methods/movement')).movementMethods,
  flows: async () => (await import('./methods/flows')).flowMethods,
  monitoring: async () => (await import('./methods/monitoring')).monitoringMethods,
};

/** Which area's module defines each method. */
export const METHOD_AREAS: { readonly [M in MethodName]: ContractArea } = {
  // shared/contract/methods/project.ts
  'host.info': 'project',
  'project.current': 'project',
  'project.openDemo': 'project',
  'project.new': 'project',
  'project.open': 'project',
  'project.save': 'project',
  'project.saveAs': 'project',
  'project.recent': 'project',
  'project.restoreCheckpoint': 'project',
  'project.setSetting': 'project',
  'layer.features': 'project',
  'indicator.values': 'project',
  'area.details': 'project',
  'files.list': 'project',
  'dialog.openFile': 'project',
  'dialog.saveFile': 'project',
  // shared/contract/methods/import.ts
  'import.inspect': 'import',
  'import.previewBoundaries': 'import',
  'import.previewTable': 'import',
  'import.fetchOfficialBoundaries': 'import',
  'import.commit': 'import',
  'import.cancel': 'import',
  // shared/contract/methods/map.ts
  'indicator.allPeriodValues': 'map',
  'map.classify': 'map',
  // shared/contract/methods/export.ts
  'export.preview': 'export',
  'export.map': 'export',
  'export.batch': 'export',
  // shared/contract/methods/profiles.ts
  'profiles.compute': 'profiles',
  'profiles.export': 'profiles',
  // shared/contract/methods/planning.ts
  'planning.listScenarios': 'planning',
  'planning.getScenario': 'planning',
  'planning.saveScenario': 'planning',
  'planning.deleteScenario': 'planning',
  'planning.run': 'planning',
  'planning.compare': 'planning',
  'planning.storeResults': 'planning',
  'planning.rates': 'planning',
  'planning.setRates': 'planning',
  'planning.supply': 'planning',
  'planning.setSupply': 'planning',
  'planning.importFacilities': 'planning',
  // shared/contract/methods/sources.ts
  'sources.compare': 'sources',
  'sources.exportComparison': 'sources',
  'sources.setChoice': 'sources',
  // shared/contract/methods/analysis.ts
  'analysis.weights': 'analysis',
  'analysis.moran': 'analysis',
  'analysis.rates': 'analysis',
  'analysis.scatter': 'analysis',
  'analysis.export': 'analysis',
  // shared/contract/methods/movement.ts
  'timeseries.compute': 'movement',
  'timeseries.export': 'movement',
  'balance.compute': 'movement',
  'balance.export': 'movement',
  // shared/contract/methods/flows.ts
  'flows.compute': 'flows',
  'flows.export': 'flows',
  'flows.import': 'flows',
  // shared/contract/methods/monitoring.ts
  'monitoring.compute': 'monitoring',
  'monitoring.export': 'monitoring',
};

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHOD_AREAS, name);
}

/** The methods one area defines, in the order of the table above. */
export function methodsOfArea<A extends ContractArea>(area: A): Extract<keyof ContractAreas[A], MethodName>[] {
  return (Object.keys(METHOD_AREAS) as MethodName[]).filter((method) => METHOD_AREAS[method] === area) as Extract<keyof ContractAreas[A], MethodName>[];
}

/** The methods (and their schemas) of one area. */
export function loadContractArea<A extends ContractArea>(area: A): Promise<ContractAreas[A]> {
  return AREA_LOADERS[area]();
}

/** The input and output schemas of one method. */
export async function methodSchemas<M extends MethodName>(method: M): Promise<Contract[M]> {
  const methods = (await loadContractArea(METHOD_AREAS[method])) as unknown as Contract;
  return methods[method];
}

/** The whole contract (every area loaded): for tools and tests that walk all methods. */
export async function loadContract(): Promise<Contract> {
  const areas = await Promise.all((Object.keys(AREA_LOADERS) as ContractArea[]).map((area) => loadContractArea(area)));
  return Object.assign({}, ...areas) as Contract;
}

/** Events pushed from backend to UI. */
export const events = {
  'project.changed': projectSummary,
  /** A running task's step, its label in both languages (the UI shows the one it speaks). */
  progress: z.object({ taskId: z.string(), label: localizedText, done: z.number(), total: z.number().nullable(), finished: z.boolean() }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type ProjectSummary = z.output<typeof projectSummary>;
export type IndicatorValues = z.output<typeof indicatorValues>;
export type IndicatorValue = z.output<typeof indicatorValue>;
export type AreaDetails = z.output<typeof areaDetails>;
export type HostInfo = z.output<typeof hostInfo>;
export type FeatureCollectionDto = z.output<typeof featureCollection>;
