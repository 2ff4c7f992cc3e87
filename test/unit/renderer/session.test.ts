// The session drives the real backend services (electron/node, demo project in a temporary folder) through
// the renderer's client over an in-process transport using the contract's `dispatch`: no mocked domain.
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { KleinraumApi, MethodName } from '../../../shared/contract/api';
import type { Transport } from '../../../renderer/api/transport';
import { createInProcessBackend } from '../../helpers/inProcessBackend';
import { createApiClient } from '../../../renderer/api/client';
import { createBackendQueryClient } from '../../../renderer/api/backend';
import { startSession, type Session } from '../../../renderer/store/session';
import { firstMapRequests } from '../../../renderer/store/firstMap';
import { createKleinraumStore, type KleinraumStore } from '../../../renderer/store/store';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
});

/** The calls a page's session made, in order. */
type Calls = { method: MethodName; input: unknown }[];

function startAgainstRealBackend(options: { firstMapWaitMs?: number; hold?: MethodName } = {}): { store: KleinraumStore; session: Session; backend: KleinraumApi; directory: TempDir; release: () => void; calls: Calls; transport: Transport } {
  const directory = makeTempDir('kleinraum-renderer-session-');
  const { backend, transport, dispose } = createInProcessBackend(directory.path);
  // Calls of the held method wait until `release` (an answer that is slow to come).
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const calls: Calls = [];
  const heldTransport: Transport = {
    ...transport,
    invoke: async (method, input) => {
      calls.push({ method, input });
      if (method === options.hold) await released;
      return transport.invoke(method, input);
    },
  };
  const store = createKleinraumStore();
  const session = startSession(store, createApiClient(heldTransport), createBackendQueryClient(), options.firstMapWaitMs === undefined ? {} : { firstMapWaitMs: options.firstMapWaitMs });
  cleanup.push(() => {
    session.dispose();
    dispose();
    directory.remove();
  });
  return { store, session, backend, directory, release, calls, transport };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

describe('startSession against the real backend', () => {
  it('loads the demo project, its features and the default indicator at the latest Stichtag', async () => {
    const { store } = startAgainstRealBackend();
    await until(() => store.getState().features !== null && store.getState().indicatorValues !== null, 'data loaded');
    const state = store.getState();
    expect(state.host?.mode).toBe('browser');
    expect(state.features?.features).toHaveLength(21);
    const indicator = state.project?.indicators.find((candidate) => candidate.id === state.indicatorId);
    expect(state.indicatorId).toBe(state.project?.settings['defaultIndicator'] ?? state.project?.indicators[0]?.id);
    expect(state.period).toBe(indicator?.periods.at(-1));
    expect(state.indicatorValues?.values).toHaveLength(21);
  });

  it('hands the first project to the store together with the areas and values of its map, in one change', async () => {
    const { store } = startAgainstRealBackend({ firstMapWaitMs: 60_000 });
    const firstWithProject: ReturnType<KleinraumStore['getState']>[] = [];
    store.subscribe((state) => {
      if (state.project !== null && firstWithProject.length === 0) firstWithProject.push(state);
    });
    await until(() => firstWithProject.length > 0, 'project shown');
    expect(firstWithProject[0]?.features?.features).toHaveLength(21);
    expect(firstWithProject[0]?.indicatorValues?.values).toHaveLength(21);
  });

  it('a session that ended hands its first project to the store no more', async () => {
    const { store, session, release } = startAgainstRealBackend({ firstMapWaitMs: 60_000, hold: 'indicator.values' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    session.dispose();
    release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.getState().project).toBeNull();
  });

  it('shows the first project without waiting longer than it may for a slow answer', async () => {
    const { store, release } = startAgainstRealBackend({ firstMapWaitMs: 20, hold: 'indicator.values' });
    await until(() => store.getState().project !== null && store.getState().features !== null, 'project and areas shown');
    expect(store.getState().indicatorValues).toBeNull();
    release();
    await until(() => store.getState().indicatorValues !== null, 'values shown once they came');
    expect(store.getState().indicatorValues?.values).toHaveLength(21);
  });

  it('asks for the first map exactly as the boot script of a new page does, also for a project saved with another view', async () => {
    const firstCall = (calls: Calls, method: MethodName) => calls.find((call) => call.method === method)?.input;
    const { store, session, directory, transport } = startAgainstRealBackend();
    await until(() => store.getState().indicatorValues !== null, 'values loaded');
    const demo = store.getState().project!;
    expect(firstMapRequests(demo)).toEqual({ 'layer.features': { layer: store.getState().layerName }, 'indicator.values': expect.objectContaining({ indicatorId: store.getState().indicatorId }) });

    // Saved with another indicator and Stichtag, in another mode: a new page opens it so, and asks so.
    const other = demo.indicators.find((indicator) => indicator.id !== store.getState().indicatorId && indicator.periods.length > 1)!;
    store.getState().chooseIndicator(other.id);
    store.getState().choosePeriod(other.periods[0]!);
    await until(() => store.getState().indicatorValues?.indicator.id === other.id && store.getState().indicatorValues?.period === other.periods[0], 'values of the chosen view');
    await session.saveAs(directory.file('ansicht.gpkg'));
    const saved = store.getState().project!;

    const calls: Calls = [];
    const page = createKleinraumStore();
    const pageSession = startSession(page, createApiClient({ ...transport, invoke: (method, input) => (calls.push({ method, input }), transport.invoke(method, input)) }), createBackendQueryClient());
    cleanup.push(() => pageSession.dispose());
    await until(() => page.getState().indicatorValues !== null, 'the saved view shown in a new page');
    expect(page.getState()).toMatchObject({ indicatorId: other.id, period: other.periods[0] });
    const expected = firstMapRequests(saved);
    expect(expected['indicator.values']).toMatchObject({ indicatorId: other.id, period: other.periods[0] });
    expect(firstCall(calls, 'layer.features')).toEqual(expected['layer.features']);
    expect(firstCall(calls, 'indicator.values')).toEqual(expected['indicator.values']);
  });

  it('loads details for the selected area and follows a change of indicator', async () => {
    const { store } = startAgainstRealBackend();
    await until(() => store.getState().indicatorValues !== null, 'values loaded');
    store.getState().selectArea('03241001');
    await until(() => store.getState().areaDetails !== null, 'details loaded');
    expect(store.getState().areaDetails?.key).toBe('03241001');

    const other = store.getState().project?.indicators.find((candidate) => candidate.id !== store.getState().indicatorId);
    if (!other) throw new Error('the demo has several indicators');
    store.getState().chooseIndicator(other.id);
    await until(() => store.getState().indicatorValues?.indicator.id === other.id, 'values of the new indicator');
    expect(store.getState().selectedKey).toBe('03241001');
  });

  it('a view the backend refuses is not kept: the message says why and the controls return to what the map shows', async () => {
    const { store } = startAgainstRealBackend();
    await until(() => store.getState().indicatorValues !== null, 'values loaded');
    store.getState().chooseIndicator('population_total');
    await until(() => store.getState().indicatorValues?.indicator.id === 'population_total', 'population shown');
    // The Zensus has one Stichtag: with it, there is nothing earlier to compare with.
    store.getState().chooseSources(['zensus-2022-1000a-0000'], ['2022-05-15']);
    await until(() => store.getState().indicatorValues?.period === '2022-05-15', 'Zensus values shown');
    store.getState().chooseMode('change');
    expect(store.getState().mode).toBe('change');
    await until(() => store.getState().messages.length > 0, 'the refusal reported');
    await until(() => store.getState().mode === 'value', 'the mode back to what the map shows');
    expect(store.getState()).toMatchObject({ indicatorId: 'population_total', period: '2022-05-15', comparePeriod: null, sources: ['zensus-2022-1000a-0000'] });
    expect(store.getState().indicatorValues?.mode ?? 'value').toBe('value');
    expect(store.getState().messages[0]?.text.de).toMatch(/Vergleich|comparePeriod/);
  });

  it('shows a backend error as a message in both languages and keeps the project', async () => {
    const { store, session, directory } = startAgainstRealBackend();
    await until(() => store.getState().project !== null, 'project loaded');
    const before = store.getState().project;
    await session.openProject(directory.file('gibt-es-nicht.gpkg'));
    expect(store.getState().messages).toHaveLength(1);
    expect(store.getState().messages[0]?.text.de.length).toBeGreaterThan(0);
    expect(store.getState().messages[0]?.text.en.length).toBeGreaterThan(0);
    expect(store.getState().project).toBe(before);
    expect(store.getState().busy).toBe(false);
  });

  it('saves under a new path and then shows the project as saved, keeping the selection', async () => {
    const { store, session, directory } = startAgainstRealBackend();
    await until(() => store.getState().indicatorValues !== null, 'values loaded');
    store.getState().selectArea('03241002');
    await session.saveAs(directory.file('bericht.gpkg'));
    expect(store.getState().messages).toEqual([]);
    expect(store.getState().project?.path).toBe(directory.file('bericht.gpkg'));
    expect(store.getState().project?.dirty).toBe(false);
    expect(store.getState().selectedKey).toBe('03241002');
  });
});

describe('unsaved changes', () => {
  async function dirtyDemo() {
    const answers: string[] = [];
    let reply: 'save' | 'discard' | 'cancel' = 'cancel';
    const directory = makeTempDir('kleinraum-renderer-unsaved-');
    const { backend, transport, dispose } = createInProcessBackend(directory.path);
    const store = createKleinraumStore();
    const session = startSession(store, createApiClient(transport), createBackendQueryClient(), {
      askAboutUnsavedChanges: async () => {
        answers.push('asked');
        return reply;
      },
    });
    cleanup.push(() => {
      session.dispose();
      dispose();
      directory.remove();
    });
    await until(() => store.getState().project !== null, 'project loaded');
    store.getState().projectReceived(await backend['project.setSetting']({ key: 'demoSeed', value: 7 }), false);
    expect(store.getState().project?.dirty).toBe(true);
    return { store, session, answers, setReply: (next: typeof reply) => (reply = next) };
  }

  it('asks before replacing a project with unsaved changes, and Cancel keeps it', async () => {
    const { store, session, answers } = await dirtyDemo();
    const before = store.getState().project;
    await session.newProject();
    expect(answers).toEqual(['asked']);
    expect(store.getState().project).toBe(before);
  });

  it('replaces the project after "Nicht speichern"', async () => {
    const { store, session, setReply } = await dirtyDemo();
    setReply('discard');
    await session.newProject();
    expect(store.getState().project?.isDemo).toBe(false);
    expect(store.getState().project?.layers).toEqual([]);
  });
});

describe('one project, one history', () => {
  it('an import and its undo keep the selection and the undo history; opening another project starts afresh', async () => {
    const { store, backend } = startAgainstRealBackend();
    await until(() => store.getState().indicatorValues !== null, 'values loaded');
    store.getState().selectArea('03241001');
    store.getState().recordEdit({ label: { de: 'Test', en: 'Test' }, undo: () => undefined, redo: () => undefined });

    // An import brings a new source and indicator into the same project: the same session, nothing is dropped.
    const sourceCount = (await backend['project.current']({})).sources.length;
    const folder = makeTempDir('kleinraum-session-import-');
    const file = folder.file('kitaplaetze_2024-03-01.csv');
    writeFileSync(file, ['AGS;Gemeinde;Kita-Plätze', ...Array.from({ length: 21 }, (_, index) => `03241${String(index + 1).padStart(3, '0')};Gemeinde ${index + 1};${100 + index}`)].join('\n'));
    const preview = await backend['import.previewTable']({ path: file, layer: 'gemeinden' });
    await backend['import.commit']({ importId: preview.importId, sourceName: 'Kita-Bedarfsplanung', period: '2024-03-01' });
    folder.remove();
    await until(() => (store.getState().project?.sources.length ?? 0) > sourceCount, 'import received');
    expect(store.getState().selectedKey).toBe('03241001');
    expect(store.getState().undoStack).toHaveLength(1);

    // The demo opened again is another session: selection and history go.
    const sessionBefore = store.getState().project?.sessionId;
    await backend['project.openDemo']({});
    await until(() => store.getState().project?.sessionId !== sessionBefore, 'another session');
    expect(store.getState().selectedKey).toBeNull();
    expect(store.getState().undoStack).toHaveLength(0);
  });
});
