/**
 * Connects the store to the backend: loads what the current view needs whenever the view changes, follows
 * backend events, and offers the project commands (open, save, demo …). Every failure ends as a message
 * in the store (shown as a toast in the current language), never as an unhandled rejection.
 */
import { featuresInput, indicatorValuesInput } from './firstMap';
import type { QueryClient } from '@tanstack/react-query';
import type { KleinraumClient } from '../api/client';
import { toApiError } from '../api/apiError';
import { fetchBackend, invalidateBackendAnswers } from '../api/backend';
import { stateAfterProject, type KleinraumState, type KleinraumStore } from './store';
import type { ProjectSummary } from '../../shared/contract/api';
import { currentMapView } from '../map/mapViewState';
import { defaultProjectFileName } from '../dialogs/filePaths';

export interface ProjectCommands {
  openDemo(): Promise<void>;
  newProject(): Promise<void>;
  openProject(path: string): Promise<void>;
  save(): Promise<void>;
  saveAs(path: string): Promise<void>;
  /** Asks for a file (native dialog in Electron, the in-app browser otherwise) and opens it. */
  chooseAndOpen(): Promise<void>;
  /** Save, or Save As when the project has no file yet. */
  saveOrAsk(): Promise<void>;
  chooseAndSaveAs(): Promise<void>;
}

/** The user's answer when a project with unsaved changes would be replaced. */
export type DiscardAnswer = 'save' | 'discard' | 'cancel';

/** How long the first project waits for its map's areas and values by default (SessionOptions.firstMapWaitMs). */
const FIRST_MAP_WAIT_MS = 500;

export interface SessionOptions {
  /** Asks whether to save unsaved changes before another project replaces this one. Default: discard. */
  askAboutUnsavedChanges?: () => Promise<DiscardAnswer>;
  /** How long the first project waits for its map's areas and values before it is shown without them. */
  firstMapWaitMs?: number;
}

export interface Session extends ProjectCommands {
  /** Stops listening to the store and the backend. */
  dispose(): void;
}

/**
 * Starts the session: asks for host info and the current project, then keeps data in step with the view.
 * Reads go through the page's answer cache (`queryClient`), which every `project.changed` invalidates.
 * @example const session = startSession(store, api, createBackendQueryClient()); await session.openDemo();
 */
export function startSession(store: KleinraumStore, api: KleinraumClient, queryClient: QueryClient, options: SessionOptions = {}): Session {
  const report = (error: unknown, method: string) => store.getState().showMessage(toApiError(error, method).text);

  /** Runs a backend call and reports its failure; resolves to undefined on failure. */
  async function attempt<T>(method: string, call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      report(error, method);
      return undefined;
    }
  }

  /** True when the current project may be replaced: no unsaved changes, or the user saved or discarded them. */
  async function mayReplaceProject(): Promise<boolean> {
    if (!store.getState().project?.dirty || !options.askAboutUnsavedChanges) return true;
    const answer = await options.askAboutUnsavedChanges();
    if (answer === 'cancel') return false;
    if (answer === 'discard') return true;
    await commands.saveOrAsk();
    return store.getState().project?.dirty === false;
  }

  async function replaceProject(method: string, call: () => Promise<Parameters<KleinraumState['projectReceived']>[0]>) {
    if (!(await mayReplaceProject())) return;
    store.getState().setBusy(true);
    const project = await attempt(method, call);
    store.getState().setBusy(false);
    if (!project) return;
    // Another project: no cached answer of the old one may be shown for it, even if its event comes later.
    void invalidateBackendAnswers(queryClient);
    store.getState().projectReceived(project, true);
  }

  function loadFeatures(state: KleinraumState) {
    const { layerName, generation } = state;
    if (!layerName) return;
    void attempt('layer.features', () => fetchBackend(queryClient, api, 'layer.features', featuresInput(layerName))).then((features) => {
      if (features && store.getState().generation === generation) store.getState().featuresReceived(layerName, features);
    });
  }

  /** The view whose values the map shows: where the controls return when another view cannot be drawn. */
  let drawn: { view: DrawnView; generation: number } | null = null;

  function loadIndicatorValues(state: KleinraumState) {
    const input = indicatorValuesInput(state);
    if (!input) return;
    const { generation } = state;
    const view = drawnViewOf(state);
    void attempt('indicator.values', () => fetchBackend(queryClient, api, 'indicator.values', input)).then((values) => {
      const current = store.getState();
      if (current.generation !== generation) return;
      if (values) {
        current.indicatorValuesReceived(values);
        // Only an answer the store took is what the map draws (an out-of-date one is dropped there).
        if (store.getState().indicatorValues === values) drawn = { view, generation };
        return;
      }
      // The backend refused this view (its message says why, e.g. no common Stichtag of numerator and
      // denominator), and the user has not moved on since.
      if (!sameDrawnView(drawnViewOf(current), view)) return;
      // The controls go back to what the map still shows rather than name a view it does not; without such
      // a view (e.g. an undone import took the shown Stichtag's data) the map shows no values under the
      // message, never the values of another view.
      if (drawn && drawn.generation === generation && drawn.view.layerName === view.layerName && !sameDrawnView(drawn.view, view)) store.setState(drawn.view);
      else store.setState({ indicatorValues: null });
    });
  }

  /**
   * The page's first project. Its map data is asked for before the project reaches the store, and the
   * project goes to the store together with that data, up to `firstMapWaitMs` later: each change of the
   * store renders the whole UI (about 0,1–0,3 s on a slow machine), and handed over one by one — project,
   * areas, values — the map was built empty, then given its areas, then fitted twice as the legend grew,
   * a frame each. Together the map starts with its areas, colours and the legend's place in one render.
   * The store's own requests (the same query keys) then meet the answers in the page's cache.
   */
  let firstProjectTimer: ReturnType<typeof setTimeout> | undefined;
  let firstProjectGiven = false;
  function receiveFirstProject(project: ProjectSummary) {
    // The store's own step, run here only to know what to ask for; projectReceived runs it again on the
    // store as it is then (an event may have changed it meanwhile).
    const next = { ...store.getState(), ...stateAfterProject(store.getState(), project, true) };
    const layerName = next.layerName;
    const valuesInput = indicatorValuesInput(next);
    // Failures are reported by the store's own requests, which meet the same answer.
    const features = layerName ? fetchBackend(queryClient, api, 'layer.features', featuresInput(layerName)).catch(() => undefined) : undefined;
    const values = valuesInput ? fetchBackend(queryClient, api, 'indicator.values', valuesInput).catch(() => undefined) : undefined;
    const give = (data?: readonly [Awaited<typeof features>, Awaited<typeof values>]) => {
      if (firstProjectGiven) return;
      firstProjectGiven = true;
      clearTimeout(firstProjectTimer);
      // A project that arrived meanwhile (an event, an open command) is newer than this answer.
      if (store.getState().project !== null) return;
      const [shownFeatures, shownValues] = data ?? [];
      store.getState().projectReceived(project, true, layerName ? { layerName, features: shownFeatures, values: shownValues } : undefined);
    };
    // A large layer (all of Germany's municipalities) takes longer: the UI does not wait for it.
    firstProjectTimer = setTimeout(() => give(), options.firstMapWaitMs ?? FIRST_MAP_WAIT_MS);
    void Promise.all([features, values]).then((data) => give(data));
  }

  function loadAreaDetails(state: KleinraumState) {
    const { layerName, selectedKey, period, generation } = state;
    if (!layerName || !selectedKey) return;
    const input = period ? { layer: layerName, key: selectedKey, period } : { layer: layerName, key: selectedKey };
    void attempt('area.details', () => fetchBackend(queryClient, api, 'area.details', input)).then((details) => {
      if (details && store.getState().generation === generation) store.getState().areaDetailsReceived(details);
    });
  }

  const unsubscribeStore = store.subscribe((state, previous) => {
    const projectChanged = state.project !== previous.project;
    const replaced = state.generation !== previous.generation;
    const layerChanged = state.layerName !== previous.layerName;
    // Another file (opened from Electron's menu) needs its own geometry even when it opens on a layer of
    // the same name; after Save As this reloads the same features, which is harmless.
    const fileChanged = state.project?.path !== previous.project?.path;
    // An import may replace the shown layer under the same name (new geometry, source or area count).
    const layerRewritten = !layerChanged && projectChanged && layerSignature(state) !== layerSignature(previous);
    if (replaced || layerChanged || fileChanged || layerRewritten) loadFeatures(state);
    const derivationChanged =
      state.mode !== previous.mode || state.comparePeriod !== previous.comparePeriod || state.denominatorVariable !== previous.denominatorVariable || state.sources !== previous.sources;
    if (projectChanged || layerChanged || state.indicatorId !== previous.indicatorId || state.period !== previous.period || derivationChanged) {
      loadIndicatorValues(state);
    }
    if (state.selectedKey !== previous.selectedKey || (state.selectedKey && (projectChanged || state.period !== previous.period))) {
      loadAreaDetails(state);
    }
  });

  const unsubscribeProject = api.subscribe('project.changed', (project) => {
    // Every cached answer may rest on what changed: mark them stale before the view asks again.
    void invalidateBackendAnswers(queryClient);
    // Edits, imports, their undo and Save As keep the session (and the selection and undo history); another
    // project opened, e.g. from another tab, is a new one.
    const current = store.getState().project;
    store.getState().projectReceived(project, current === null || current.sessionId !== project.sessionId);
  });
  const unsubscribeProgress = api.subscribe('progress', (event) => store.getState().progressReceived(event));

  void attempt('host.info', () => api['host.info']({})).then((host) => {
    if (host) store.getState().hostReceived(host);
  });
  void attempt('project.current', () => api['project.current']({})).then((project) => {
    if (project) receiveFirstProject(project);
  });

  async function pickFile(purpose: 'open' | 'saveAs'): Promise<string | null | 'in-app'> {
    const host = store.getState().host;
    if (!host?.nativeDialogs) return 'in-app';
    const locale = store.getState().locale;
    const title = locale === 'de' ? (purpose === 'open' ? 'Projekt öffnen' : 'Projekt speichern unter') : purpose === 'open' ? 'Open project' : 'Save project as';
    const answer =
      purpose === 'open'
        ? await attempt('dialog.openFile', () => api['dialog.openFile']({ title, extensions: ['gpkg'] }))
        : await attempt('dialog.saveFile', () =>
            api['dialog.saveFile']({ title, defaultName: defaultProjectFileName(store.getState().project?.title ?? 'Projekt'), extensions: ['gpkg'] }),
          );
    if (!answer) return null;
    return answer.supported ? answer.path : 'in-app';
  }

  const commands: ProjectCommands = {
    openDemo: () => replaceProject('project.openDemo', () => api['project.openDemo']({})),
    newProject: () => replaceProject('project.new', () => api['project.new']({})),
    openProject: (path) => replaceProject('project.open', () => api['project.open']({ path })),
    async save() {
      const view = currentMapView(store.getState());
      const project = await attempt('project.save', () => api['project.save'](view ? { view } : {}));
      if (project) store.getState().projectReceived(project, false);
    },
    async saveAs(path) {
      const view = currentMapView(store.getState());
      const project = await attempt('project.saveAs', () => api['project.saveAs']({ path, ...(view ? { view } : {}) }));
      if (project) store.getState().projectReceived(project, false);
    },
    async chooseAndOpen() {
      const choice = await pickFile('open');
      if (choice === 'in-app') store.getState().openFileDialog('open');
      else if (choice) await commands.openProject(choice);
    },
    async chooseAndSaveAs() {
      const choice = await pickFile('saveAs');
      if (choice === 'in-app') store.getState().openFileDialog('saveAs');
      else if (choice) await commands.saveAs(choice);
    },
    async saveOrAsk() {
      if (store.getState().project?.path) await commands.save();
      else await commands.chooseAndSaveAs();
    },
  };

  return {
    ...commands,
    dispose() {
      // The first project's answers may still come: a session that ended hands nothing to the store.
      firstProjectGiven = true;
      clearTimeout(firstProjectTimer);
      unsubscribeStore();
      unsubscribeProject();
      unsubscribeProgress();
    },
  };
}

/**
 * What identifies the features of the shown layer: its name, source and area count, and where its names come
 * from (a table import names areas of boundaries without names); '' when none.
 */
function layerSignature(state: Pick<KleinraumState, 'project' | 'layerName'>): string {
  const layer = state.project?.layers.find((candidate) => candidate.name === state.layerName);
  return layer ? `${layer.name}|${layer.sourceId}|${layer.featureCount}|${layer.nameField}` : '';
}

/** What decides the values on the map, besides the project. */
type DrawnView = Pick<KleinraumState, 'layerName' | 'indicatorId' | 'period' | 'mode' | 'comparePeriod' | 'denominatorVariable' | 'sources'>;

function drawnViewOf(state: DrawnView): DrawnView {
  const { layerName, indicatorId, period, mode, comparePeriod, denominatorVariable, sources } = state;
  return { layerName, indicatorId, period, mode, comparePeriod, denominatorVariable, sources };
}

function sameDrawnView(first: DrawnView, second: DrawnView): boolean {
  return (Object.keys(first) as (keyof DrawnView)[]).every((key) => JSON.stringify(first[key]) === JSON.stringify(second[key]));
}
