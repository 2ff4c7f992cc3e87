// The backend as every transport sees it: each call goes through the contract's dispatch, so inputs and
// outputs are checked against the zod schemas exactly as over IPC or HTTP.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, KleinraumApi, MethodName, MethodOutput } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { createKleinraumApi, disposeKleinraumApi, openStartProjectSoon } from '../../../electron/node/services/createKleinraumApi';
import { MAX_RECENT_PROJECTS } from '../../../electron/node/services/recentProjects';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { createSmallProjectContent } from '../storage/smallProjectFixture';

let directory: TempDir;
let api: KleinraumApi;
let events: { name: EventName; payload: unknown }[];

async function call<M extends MethodName>(method: M, input: unknown = {}): Promise<MethodOutput<M>> {
  const result = await dispatch(api, method, input, (error) => {
    throw error;
  });
  if (!result.ok) throw Object.assign(new Error(result.error.message.en), { payload: result.error });
  return result.value as MethodOutput<M>;
}

async function callError(method: MethodName, input: unknown = {}): Promise<ErrorPayload> {
  const result = await dispatch(api, method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

beforeEach(() => {
  directory = makeTempDir('kleinraum-api-');
  events = [];
  api = createKleinraumApi({
    dataDir: directory.file('data'),
    host: { mode: 'browser', version: '0.1.0-test' },
    emit: (name, payload) => events.push({ name, payload }),
    createDemoContent: createSmallProjectContent,
  });
});
afterEach(() => {
  disposeKleinraumApi(api);
  directory.remove();
});

describe('the Kleinraum API', () => {
  it('starts with the demo open, unsaved', async () => {
    const project = await call('project.current');
    expect(project).toMatchObject({ path: null, isDemo: true, dirty: false, title: 'Testprojekt Kleinraum' });
    expect(project.layers.map((layer) => [layer.name, layer.featureCount])).toEqual([['gemeinden', 2]]);
    expect(project.indicators.find((indicator) => indicator.id === 'refugees_per_1000')?.periods).toEqual(['2018-12-31', '2019-12-31']);
    expect(project.variables.find((variable) => variable.id === 'population')?.periods).toEqual(['2018-12-31', '2019-12-31']);
  });

  it('computes indicator values for the latest period by default, with the sources used', async () => {
    const values = await call('indicator.values', { indicatorId: 'refugees_per_1000', layer: 'gemeinden' });
    expect(values.period).toBe('2019-12-31');
    // 15600 / 520000 × 1000 = 30
    expect(values.values[0]).toMatchObject({ key: '03241001', value: 30, quality: 'counted' });
    expect(values.values[1]?.smallNumber).toBe(true);
    expect(values.sources.map((source) => source.id)).toEqual(['test-source']);
    const older = await call('indicator.values', { indicatorId: 'refugees_per_1000', layer: 'gemeinden', period: '2018-12-31' });
    expect(older.values[1]?.missingReason?.de).toBe('„Schutzsuchende“: unbekannt oder geheim zu halten („.“)');
  });

  it('answers unknown indicators, layers and areas with not-found UserErrors', async () => {
    expect((await callError('indicator.values', { indicatorId: 'nope', layer: 'gemeinden' })).code).toBe('not-found');
    expect((await callError('layer.features', { layer: 'kreise' })).message.de).toMatch(/Ebene „kreise“ gibt es/);
    expect((await callError('area.details', { layer: 'gemeinden', key: '3241001' })).code).toBe('not-found');
  });

  it('gives features with key and name, and area details with every indicator', async () => {
    const features = await call('layer.features', { layer: 'gemeinden' });
    expect(features.features.map((feature) => feature.properties.key)).toEqual(['03241001', '03241002']);
    expect(features.features[1]?.geometry.type).toBe('MultiPolygon');
    const details = await call('area.details', { layer: 'gemeinden', key: '03241001' });
    expect(details.period).toBe('2019-12-31');
    expect(details.indicators.map((indicator) => indicator.id)).toEqual(['refugees_per_1000', 'women_share', 'refugees']);
    expect(details.indicators[2]?.value.value).toBe(15600);
    expect(details.indicators[2]?.regionValue).toBe(15602);
    expect(details.areaKm2).toBeGreaterThan(300);
  });

  it('save without a path asks for "save as"; save as writes the file, emits project.changed and adds it to recent projects', async () => {
    expect((await callError('project.save')).code).toBe('conflict');
    await call('project.setSetting', { key: 'smallNumberThreshold', value: 5 });
    expect((await call('project.current')).dirty).toBe(true);
    const saved = await call('project.saveAs', { path: directory.file('Sozialmonitor') });
    expect(saved.path).toBe(directory.file('Sozialmonitor.gpkg'));
    expect(saved.dirty).toBe(false);
    expect(fs.existsSync(directory.file('Sozialmonitor.gpkg'))).toBe(true);
    expect(events.map((event) => event.name)).toEqual(['project.changed', 'project.changed']);
    const recent = await call('project.recent');
    expect(recent.items).toMatchObject([{ path: directory.file('Sozialmonitor.gpkg'), title: 'Testprojekt Kleinraum', exists: true }]);

    await call('project.new');
    const reopened = await call('project.open', { path: directory.file('Sozialmonitor.gpkg') });
    expect(reopened.settings.smallNumberThreshold).toBe(5);
    expect(reopened.isDemo).toBe(true);
    fs.rmSync(directory.file('Sozialmonitor.gpkg'));
    // A file that is gone is dropped from the list, not offered greyed out.
    expect((await call('project.recent')).items.map((item) => item.path)).not.toContain(directory.file('Sozialmonitor.gpkg'));
  });

  it('keeps the current project open when opening a bad file fails', async () => {
    fs.writeFileSync(directory.file('falsch.gpkg'), 'kein GeoPackage');
    const error = await callError('project.open', { path: directory.file('falsch.gpkg') });
    expect(error.code).toBe('bad-input');
    expect((await call('project.current')).title).toBe('Testprojekt Kleinraum');
  });

  it('rejects a small-number threshold that is not a whole number ≥ 1', async () => {
    expect((await callError('project.setSetting', { key: 'smallNumberThreshold', value: '2,5' })).message.de).toMatch(/ganze Zahl ab 1/);
  });

  it('keeps at most 10 recent projects, newest first', async () => {
    for (let index = 0; index < MAX_RECENT_PROJECTS + 2; index += 1) await call('project.saveAs', { path: directory.file(`p${index}.gpkg`) });
    const items = (await call('project.recent')).items;
    expect(items).toHaveLength(MAX_RECENT_PROJECTS);
    expect(items[0]?.path).toBe(directory.file(`p${MAX_RECENT_PROJECTS + 1}.gpkg`));
  });

  it('a new project is empty and unsaved', async () => {
    const project = await call('project.new');
    expect(project).toMatchObject({ path: null, isDemo: false, layers: [], indicators: [] });
  });

  it('a new project saved for the first time is titled after its file; a titled project keeps its title', async () => {
    expect((await call('project.new')).title).toBe('Neues Projekt');
    const saved = await call('project.saveAs', { path: directory.file('Niedersachsen Kreise.gpkg') });
    expect(saved.title).toBe('Niedersachsen Kreise');
    expect((await call('project.recent')).items[0]).toMatchObject({ title: 'Niedersachsen Kreise' });
    // Saving again under another name keeps the title the project now has.
    expect((await call('project.saveAs', { path: directory.file('Kopie.gpkg') })).title).toBe('Niedersachsen Kreise');
  });

  it('lists files: folders first, German collation, hidden skipped, filtered by extension', async () => {
    const folder = directory.file('browse');
    fs.mkdirSync(folder);
    for (const name of ['zeta.gpkg', 'Ärzte.gpkg', 'abc.GPKG', 'notes.txt', '.hidden.gpkg']) fs.writeFileSync(`${folder}/${name}`, 'x');
    fs.mkdirSync(`${folder}/Übersicht`);
    fs.mkdirSync(`${folder}/daten`);
    const listing = await call('files.list', { dir: folder, extensions: ['gpkg'] });
    expect(listing.entries.map((entry) => entry.name)).toEqual(['daten', 'Übersicht', 'abc.GPKG', 'Ärzte.gpkg', 'zeta.gpkg']);
    expect(listing.parent).toBe(directory.path);
    expect(listing.entries[2]).toMatchObject({ kind: 'file', sizeBytes: 1 });
    expect((await call('files.list', {})).dir).toBe(folder);
  });

  it('answers dialogs as unsupported in browser mode and delegates to the host in Electron', async () => {
    expect(await call('dialog.openFile', { title: 'Öffnen', extensions: ['gpkg'] })).toEqual({ path: null, supported: false });
    expect((await call('host.info')).nativeDialogs).toBe(false);
    disposeKleinraumApi(api);
    api = createKleinraumApi({
      dataDir: directory.file('data'),
      host: { mode: 'electron', version: '0.1.0', openFileDialog: async () => '/chosen.gpkg', saveFileDialog: async ({ defaultName }) => `/${defaultName}` },
      emit: () => {},
      createDemoContent: createSmallProjectContent,
    });
    expect(await call('dialog.openFile', { title: 'Öffnen', extensions: ['gpkg'] })).toEqual({ path: '/chosen.gpkg', supported: true });
    expect(await call('dialog.saveFile', { title: 'Speichern', defaultName: 'a.gpkg', extensions: ['gpkg'] })).toEqual({ path: '/a.gpkg', supported: true });
    expect(await call('host.info')).toMatchObject({ mode: 'electron', nativeDialogs: true });
  });
});

describe('the Kleinraum API with the real demo project', () => {
  it('every read method answers within the contract for every layer and indicator', async () => {
    disposeKleinraumApi(api);
    api = createKleinraumApi({ dataDir: directory.file('demo-data'), host: { mode: 'browser', version: '0.1.0' }, emit: () => {} });
    const project = await call('project.current');
    expect(project.isDemo).toBe(true);
    expect(project.layers.length).toBeGreaterThan(0);
    for (const layer of project.layers) {
      const features = await call('layer.features', { layer: layer.name });
      expect(features.features).toHaveLength(layer.featureCount);
      for (const indicator of project.indicators) {
        if (indicator.periods.length === 0) continue;
        const values = await call('indicator.values', { indicatorId: indicator.id, layer: layer.name });
        expect(values.values).toHaveLength(layer.featureCount);
      }
      const firstKey = features.features[0]?.properties.key ?? '';
      expect((await call('area.details', { layer: layer.name, key: firstKey })).indicators).toHaveLength(project.indicators.length);
    }
  });
});

describe('the start project', () => {
  it('is opened ahead of the first request, and once even when requests arrive while it is being made', async () => {
    const made: number[] = [];
    const early = createKleinraumApi({
      dataDir: directory.file('early'),
      host: { mode: 'browser', version: '0.1.0-test' },
      emit: () => {},
      createDemoContent: () => (made.push(made.length), createSmallProjectContent()),
    });
    try {
      openStartProjectSoon(early);
      expect(made).toEqual([]);
      // Requests that come while the demo is being made wait for that demo rather than making another.
      const [first, second] = await Promise.all([early['project.current']({}), early['project.current']({})]);
      expect(made).toEqual([0]);
      expect(first.title).toBe('Testprojekt Kleinraum');
      expect(second).toEqual(first);
      await new Promise((resolve) => setTimeout(resolve, 10));
      await early['project.current']({});
      expect(made).toEqual([0]);
    } finally {
      disposeKleinraumApi(early);
    }
  });

  it('is made on the next turn of the event loop even without a request', async () => {
    let made = 0;
    const early = createKleinraumApi({
      dataDir: directory.file('soon'),
      host: { mode: 'browser', version: '0.1.0-test' },
      emit: () => {},
      createDemoContent: () => ((made += 1), createSmallProjectContent()),
    });
    try {
      openStartProjectSoon(early);
      await expect.poll(() => made, { timeout: 5_000 }).toBe(1);
    } finally {
      disposeKleinraumApi(early);
    }
  });
});

describe('"Demo laden"', () => {
  it('gives the same project each time: the demo is generated once and only read when written', async () => {
    const api = createKleinraumApi({ dataDir: directory.file('demo-twice'), host: { mode: 'browser', version: '0.1.0-test' }, emit: () => {} });
    try {
      const shown = async () => {
        const { sessionId: _session, ...summary } = await api['project.openDemo']({});
        const layer = summary.layers[0]!.name;
        const values = await Promise.all(summary.indicators.map((indicator) => api['indicator.values']({ indicatorId: indicator.id, layer })));
        const areas = await api['layer.features']({ layer });
        return { summary, values, areas };
      };
      const first = await shown();
      const second = await shown();
      expect(second).toEqual(first);
      expect(first.values.length).toBeGreaterThan(3);
    } finally {
      disposeKleinraumApi(api);
    }
  });

  // Later demos are copies of a template written by the first (projectSession.ts): an edit of one demo must
  // not reach the next, and a working folder cleaned meanwhile must not break it.
  it('starts each time from the untouched demo, even after an edit or with its working folder emptied', async () => {
    const dataDir = directory.file('demo-edited');
    const api = createKleinraumApi({ dataDir, host: { mode: 'browser', version: '0.1.0-test' }, emit: () => {} });
    try {
      const untouched = await api['project.openDemo']({});
      const edited = await api['project.setSetting']({ key: 'smallNumberThreshold', value: 7 });
      expect(edited.settings['smallNumberThreshold']).toBe(7);
      expect(edited.dirty).toBe(true);
      const again = await api['project.openDemo']({});
      expect(again).toMatchObject({ isDemo: true, dirty: false, settings: untouched.settings });
      expect(again.settings['smallNumberThreshold']).not.toBe(7);
      expect(again.sessionId).not.toBe(untouched.sessionId);

      await api['project.new']({});
      for (const name of fs.readdirSync(path.join(dataDir, 'working'))) fs.rmSync(path.join(dataDir, 'working', name));
      const afterCleaning = await api['project.openDemo']({});
      const { sessionId: _first, ...expected } = untouched;
      const { sessionId: _third, ...actual } = afterCleaning;
      expect(actual).toEqual(expected);
      // The open demo and its template, nothing else.
      expect(fs.readdirSync(path.join(dataDir, 'working')).filter((name) => name.endsWith('.gpkg'))).toHaveLength(2);
    } finally {
      disposeKleinraumApi(api);
    }
  });

  it('writes demo content that may be new at every call (a test fixture) directly, keeping no template', async () => {
    // The API of beforeEach makes its demo with createSmallProjectContent.
    await call('project.openDemo');
    await call('project.openDemo');
    const working = fs.readdirSync(path.join(directory.file('data'), 'working')).filter((name) => name.endsWith('.gpkg'));
    expect(working).toHaveLength(1);
  });
});
