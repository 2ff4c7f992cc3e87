/**
 * A minimal KleinraumApi for transport tests: the transports must not care what the services do, so a
 * stub with one real answer (host.info), one user error (project.open) and a way to emit events is enough.
 */
import type { KleinraumApi, MethodName } from '../../../shared/contract/api';
import { UserError } from '../../../shared/contract/errors';

export function createStubApi(): KleinraumApi {
  const notImplemented = (method: MethodName) => () =>
    Promise.reject(new UserError('unsupported', { de: `${method} fehlt im Test-Stub`, en: `${method} is missing in the test stub` }));
  const api: Record<string, unknown> = {};
  const methods: MethodName[] = [
    'host.info', 'project.current', 'project.openDemo', 'project.new', 'project.open', 'project.save', 'project.saveAs',
    'project.recent', 'project.setSetting', 'layer.features', 'indicator.values', 'area.details', 'files.list',
    'dialog.openFile', 'dialog.saveFile',
  ];
  for (const method of methods) api[method] = notImplemented(method);
  api['host.info'] = () => Promise.resolve({ mode: 'browser', version: '0.0.0-test', nativeDialogs: false, platform: 'test', homeDir: '/home/test' });
  api['project.open'] = ({ path }: { path: string }) =>
    Promise.reject(new UserError('not-found', { de: `Datei nicht gefunden: ${path}`, en: `File not found: ${path}` }));
  api['dialog.openFile'] = () => Promise.reject(new Error('boom: an internal failure'));
  return api as KleinraumApi;
}
