/**
 * The backend: one implementation of the shared contract (shared/contract/api.ts) used by every transport
 * (Electron IPC, browser-mode HTTP, the CLI). It holds the open project session and starts with the demo
 * project open, so a fresh start shows a map at once.
 */
import os from 'node:os';
import path from 'node:path';
import { methodsOfArea, type ContractArea, type ContractAreas, type EventName, type FeatureCollectionDto, type KleinraumApi, type MethodName, type ProjectSummary } from '../../../shared/contract/api';
import type { ProjectContent } from '../../../shared/model/project';
import { readAreasAsFeatureCollection } from '../storage/projectReader';
import { listFiles } from './fileBrowser';
import type { HostAdapter } from './host';
import { areaDetailsFor, indicatorValuesFor } from './indicatorService';
import { ProjectSession, removeAbandonedWorkingCopies } from './projectSession';
import { summarizeProject } from './projectSummary';
import { listRecentProjects, rememberRecentProject } from './recentProjects';
import type { FeatureHandlers, ServiceContext } from './serviceContext';

export interface KleinraumApiOptions {
  /** Folder for app data: recent projects list and the working copies of open projects. */
  dataDir: string;
  host: HostAdapter;
  /** Receives backend events ('project.changed' after every change of the open project). */
  emit: (name: EventName, payload: unknown) => void;
  /** Content for project.openDemo; defaults to createDemoProject(). Tests pass a small fixture. */
  createDemoContent?: () => ProjectContent;
}

/**
 * A feature's handlers, loaded on the first call of one of its methods: a CLI command then loads only the
 * features it uses (e.g. `info` never loads the export's PDF and PNG renderers, the profiles' XLSX writer).
 */
function lazyFeature<A extends ContractArea>(area: A, load: () => Promise<FeatureHandlers<ContractAreas[A]>>): FeatureHandlers<ContractAreas[A]> {
  let loaded: Promise<Record<string, (input: unknown) => Promise<unknown>>> | null = null;
  const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of methodsOfArea(area)) {
    handlers[method] = async (input) => {
      // A failed load (e.g. a missing native module) is tried again on the next call, not remembered.
      loaded ??= (load() as unknown as Promise<Record<string, (input: unknown) => Promise<unknown>>>).catch((error: unknown) => {
        loaded = null;
        throw error;
      });
      const feature = await loaded;
      return feature[method]!(input);
    };
  }
  return handlers as unknown as FeatureHandlers<ContractAreas[A]>;
}

/** Methods that do not read the open project (they replace it, or do not touch it at all). */
const METHODS_WITHOUT_OPEN_PROJECT = new Set<MethodName>(['host.info', 'project.openDemo', 'project.new', 'project.open', 'project.recent', 'files.list', 'dialog.openFile', 'dialog.saveFile']);

// Working copies are deleted when the process ends normally, even when nobody closes the API (the CLI).
const openSessions = new Set<ProjectSession>();
let exitHandlerInstalled = false;
function trackSession(session: ProjectSession): void {
  openSessions.add(session);
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    process.once('exit', () => {
      for (const open of openSessions) open.close();
    });
  }
}

/**
 * The generated demo, made once per process: it is the same for the same seed, and only read when a
 * session writes it into a working copy. "Demo laden" (and every test that starts from the demo) then pays
 * for writing it, not for generating it again (about 0,1 s). It is frozen: sessions copy a template written
 * from it (ProjectSession.fromContent), so a change to it would reach no later demo, silently; frozen, such
 * a change fails where it is made.
 */
let demoGenerated: Promise<ProjectContent> | null = null;
function generatedDemo(): Promise<ProjectContent> {
  if (!demoGenerated) {
    demoGenerated = import('../../../shared/demo/createDemoProject').then((module) => deepFreeze(module.createDemoProject()));
    // A failed generation is tried again next time rather than kept.
    demoGenerated.catch(() => {
      demoGenerated = null;
    });
  }
  return demoGenerated;
}

/** Freezes `value` and everything it holds (plain objects and arrays). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

const sessionsByApi = new WeakMap<KleinraumApi, () => ProjectSession | null>();

/** The saved file of the API's open project, or null (demo, new, or nothing open yet). */
export function openProjectPath(api: KleinraumApi): string | null {
  return sessionsByApi.get(api)?.()?.path ?? null;
}

/**
 * Opens the start project (the demo, when nothing else was opened) on the next turn of the event loop, so
 * that it is ready when the window or the browser asks for it: making the demo takes about half a second,
 * which the app's first request otherwise waits for, while the browser or window takes longer than that
 * to start anyway. A failure here is not reported; the UI's own first request meets it again and shows it.
 */
export function openStartProjectSoon(api: KleinraumApi): void {
  setTimeout(() => {
    api['project.current']({}).catch(() => {});
  }, 0);
}

/** Closes the open project's working copy (the saved file is untouched). The API must not be used afterwards. */
export function disposeKleinraumApi(api: KleinraumApi): void {
  const session = sessionsByApi.get(api)?.();
  if (session) {
    session.close();
    openSessions.delete(session);
  }
}

/**
 * @example
 * const api = createKleinraumApi({ dataDir, host: { mode: 'browser', version: '0.1.0' }, emit: () => {} });
 * const project = await api['project.current']({});
 */
export function createKleinraumApi(options: KleinraumApiOptions): KleinraumApi {
  const { dataDir, host, emit } = options;
  const workDir = path.join(dataDir, 'working');
  removeAbandonedWorkingCopies(workDir);
  // The demo is the project open at start. Its generator (with the geometry code it needs) is loaded and
  // run on first use, so a CLI command that opens a file first pays for neither.
  const demoContent = async (): Promise<ProjectContent> => (options.createDemoContent ? options.createDemoContent() : generatedDemo());
  // The generated demo is one unchanging object per process, so its sessions start from a copy of it
  // written once (ProjectSession.fromContent); content from `createDemoContent` may be new at every call.
  const demoSession = (content: ProjectContent) => ProjectSession.fromContent(workDir, content, true, { template: !options.createDemoContent });
  let openSession: ProjectSession | null = null;
  // One demo at a time: a request that arrives while the demo is being made (see openStartProjectSoon) waits
  // for it instead of making a second one.
  let openingDemo: Promise<void> | null = null;
  const openDemoIfNothingIsOpen = (): Promise<void> => {
    if (openSession !== null) return Promise.resolve();
    openingDemo ??= (async () => {
      const content = await demoContent();
      if (openSession !== null) return;
      openSession = demoSession(content);
      trackSession(openSession);
    })().finally(() => {
      openingDemo = null;
    });
    return openingDemo;
  };
  // Every method that reads the open project first opens the demo when nothing is open (see the end).
  const current = (): ProjectSession => {
    if (openSession === null) throw new Error('No project is open: the method must be listed as reading the open project.');
    return openSession;
  };
  let lastFolder: string | undefined;

  const replaceSession = (next: ProjectSession): void => {
    const previous = openSession;
    openSession = next;
    trackSession(next);
    if (previous) {
      previous.close();
      openSessions.delete(previous);
    }
  };

  const changed = (): ProjectSummary => {
    const summary = summarizeProject(current());
    emit('project.changed', summary);
    return summary;
  };

  const remember = (): void => {
    const session = current();
    if (session.path === null) return;
    lastFolder = path.dirname(session.path);
    rememberRecentProject(dataDir, { path: session.path, title: session.title, openedAt: new Date().toISOString() });
  };

  // Feature modules get the open session through this context and implement their own contract methods.
  const context: ServiceContext = { dataDir, host, emit, current, changed, workDir };

  const api: KleinraumApi = {
    ...lazyFeature('import', async () => (await import('./import/importHandlers')).createImportHandlers(context)),
    ...lazyFeature('map', async () => (await import('./map/mapHandlers')).createMapHandlers(context)),
    ...lazyFeature('export', async () => (await import('./export/exportHandlers')).createExportHandlers(context)),
    ...lazyFeature('profiles', async () => (await import('./profiles/profileHandlers')).createProfileHandlers(context)),
    ...lazyFeature('planning', async () => (await import('./planning/planningHandlers')).createPlanningHandlers(context)),
    ...lazyFeature('sources', async () => (await import('./sources/sourceHandlers')).createSourceHandlers(context)),
    ...lazyFeature('analysis', async () => (await import('./analysis/analysisHandlers')).createAnalysisHandlers(context)),
    ...lazyFeature('movement', async () => (await import('./movement/movementHandlers')).createMovementHandlers(context)),
    ...lazyFeature('flows', async () => (await import('./movement/flowHandlers')).createFlowHandlers(context)),
    ...lazyFeature('monitoring', async () => (await import('./monitoring/monitoringHandlers')).createMonitoringHandlers(context)),

    async 'host.info'() {
      return {
        mode: host.mode,
        version: host.version,
        nativeDialogs: Boolean(host.openFileDialog && host.saveFileDialog),
        platform: process.platform,
        homeDir: os.homedir(),
      };
    },

    async 'project.current'() {
      return summarizeProject(current());
    },

    async 'project.openDemo'() {
      replaceSession(demoSession(await demoContent()));
      return changed();
    },

    async 'project.new'() {
      replaceSession(ProjectSession.createNew(workDir));
      return changed();
    },

    async 'project.open'({ path: filePath }) {
      // Opening checks and copies the file first; the current project stays open if that fails.
      replaceSession(ProjectSession.open(workDir, filePath));
      remember();
      return changed();
    },

    async 'project.save'({ view }) {
      if (view) current().setSetting('map.view', view);
      current().save();
      remember();
      return changed();
    },

    async 'project.saveAs'({ path: filePath, view }) {
      if (view) current().setSetting('map.view', view);
      current().saveAs(filePath);
      remember();
      return changed();
    },

    async 'project.recent'() {
      return { items: listRecentProjects(dataDir) };
    },

    async 'project.restoreCheckpoint'({ checkpoint }) {
      const replaced = current().restoreCheckpoint(checkpoint);
      return { checkpoint: replaced, summary: changed() };
    },

    async 'project.setSetting'({ key, value }) {
      current().setSetting(key, value);
      return changed();
    },

    async 'layer.features'({ layer }) {
      // GeoJSON's interfaces lack the index signature of the contract's loose objects; the shape is the same
      // and dispatch checks it at runtime.
      return readAreasAsFeatureCollection(current().db, layer) as unknown as FeatureCollectionDto;
    },

    async 'indicator.values'({ indicatorId, layer, period, ...derivation }) {
      return indicatorValuesFor(current().db, indicatorId, layer, period, derivation);
    },

    async 'area.details'({ layer, key, period }) {
      return areaDetailsFor(current().db, layer, key, period);
    },

    async 'files.list'({ dir, extensions }) {
      const listing = listFiles(dir ?? lastFolder, extensions);
      lastFolder = listing.dir;
      return listing;
    },

    async 'dialog.openFile'({ title, extensions }) {
      if (!host.openFileDialog) return { path: null, supported: false };
      return { path: await host.openFileDialog({ title, extensions }), supported: true };
    },

    async 'dialog.saveFile'({ title, defaultName, extensions }) {
      if (!host.saveFileDialog) return { path: null, supported: false };
      return { path: await host.saveFileDialog({ title, defaultName, extensions }), supported: true };
    },
  };
  for (const method of Object.keys(api) as MethodName[]) {
    if (METHODS_WITHOUT_OPEN_PROJECT.has(method)) continue;
    const run = api[method] as (input: unknown) => Promise<unknown>;
    (api as Record<MethodName, (input: unknown) => Promise<unknown>>)[method] = async (input) => {
      await openDemoIfNothingIsOpen();
      return run(input);
    };
  }
  sessionsByApi.set(api, () => openSession);
  return api;
}
