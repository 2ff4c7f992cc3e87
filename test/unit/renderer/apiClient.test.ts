import { describe, expect, it } from 'vitest';
import type { DispatchResult } from '../../../shared/contract/dispatch';
import type { EventName, MethodName } from '../../../shared/contract/api';
import type { KleinraumBridge } from '../../../shared/contract/transport';
import { ApiError } from '../../../renderer/api/apiError';
import { createApiClient } from '../../../renderer/api/client';
import { createHttpTransport, detectTransport, type EventSourceLike, type Transport } from '../../../renderer/api/transport';
import { EARLY_METHODS, sendEarlyRequests, takeEarlyRequest } from '../../../renderer/api/httpRequest';
import { createProject } from './fixtures';

/** A transport answering every call with `answer`, recording the calls. */
function createRecordingTransport(answer: (method: MethodName, input: unknown) => DispatchResult) {
  const calls: { method: MethodName; input: unknown }[] = [];
  let eventHandler: ((name: EventName, payload: unknown) => void) | null = null;
  const transport: Transport = {
    kind: 'bridge',
    invoke: async (method, input) => {
      calls.push({ method, input });
      return answer(method, input);
    },
    subscribe: (handler) => {
      eventHandler = handler;
      return () => {
        eventHandler = null;
      };
    },
  };
  return { transport, calls, emit: (name: EventName, payload: unknown) => eventHandler?.(name, payload) };
}

describe('createApiClient', () => {
  it('returns the validated value of a successful call', async () => {
    const project = createProject({ title: 'Sozialmonitoring 2024' });
    const { transport, calls } = createRecordingTransport(() => ({ ok: true, value: project }));
    const api = createApiClient(transport);
    const answer = await api['project.current']({});
    expect(answer.title).toBe('Sozialmonitoring 2024');
    expect(calls).toEqual([{ method: 'project.current', input: {} }]);
  });

  it('throws an ApiError with both languages for { ok: false }', async () => {
    const message = { de: 'Datei nicht gefunden.', en: 'File not found.' };
    const { transport } = createRecordingTransport(() => ({ ok: false, error: { code: 'not-found', message } }));
    const api = createApiClient(transport);
    const error = await api['project.open']({ path: '/nirgends.gpkg' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('not-found');
    expect((error as ApiError).messageFor('de')).toBe('Datei nicht gefunden.');
    expect((error as ApiError).messageFor('en')).toBe('File not found.');
  });

  it('rejects an answer that breaks the contract instead of passing it on', async () => {
    const violations: string[] = [];
    const { transport } = createRecordingTransport(() => ({ ok: true, value: { title: 42 } }));
    const api = createApiClient(transport, (detail) => violations.push(detail));
    const error = await api['project.current']({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('internal');
    expect(violations[0]).toContain('project.current');
  });

  it('delivers only the subscribed event, and only with a valid payload', () => {
    const violations: string[] = [];
    const { transport, emit } = createRecordingTransport(() => ({ ok: true, value: null }));
    const api = createApiClient(transport, (detail) => violations.push(detail));
    const received: string[] = [];
    api.subscribe('progress', (event) => received.push(`${event.label.en} ${event.done}`));
    emit('progress', { taskId: 't', label: { de: 'Import', en: 'Import' }, done: 2, total: 5, finished: false });
    // A label in one language only is no longer a valid event: the UI shows the language it speaks.
    emit('progress', { taskId: 't', label: 'Import', done: 3, total: 5, finished: false });
    emit('project.changed', createProject());
    emit('progress', { taskId: 't', label: 'Import' });
    expect(received).toEqual(['Import 2']);
    expect(violations).toHaveLength(2);
  });
});

describe('createHttpTransport', () => {
  it('posts the input to /api/<method> with the token header', async () => {
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      requests.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: { dir: '/', parent: null, entries: [] } }));
    }) as typeof fetch;
    const transport = createHttpTransport({ origin: 'http://127.0.0.1:5000', token: 'abc12345', fetch: fakeFetch, createEventSource: null });
    const result = await transport.invoke('files.list', { dir: '/' });
    expect(result.ok).toBe(true);
    expect(requests[0]?.url).toBe('http://127.0.0.1:5000/api/files.list');
    expect(requests[0]?.init?.method).toBe('POST');
    expect((requests[0]?.init?.headers as Record<string, string>)['x-kleinraum-token']).toBe('abc12345');
    expect(JSON.parse(String(requests[0]?.init?.body))).toEqual({ dir: '/' });
  });

  it('turns an unreachable server into an ApiError that says what to do', async () => {
    const failingFetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const transport = createHttpTransport({ origin: 'http://127.0.0.1:5000', token: 'abc12345', fetch: failingFetch, createEventSource: null });
    const error = await transport.invoke('project.current', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).messageFor('de')).toContain('kleinraum serve');
  });

  it('explains a refused token', async () => {
    const refusingFetch = (async () => new Response('forbidden', { status: 403 })) as typeof fetch;
    const transport = createHttpTransport({ origin: 'http://127.0.0.1:5000', token: 'wrong123', fetch: refusingFetch, createEventSource: null });
    const error = (await transport.invoke('project.current', {}).catch((caught: unknown) => caught)) as ApiError;
    expect(error.messageFor('en')).toContain('start link');
  });

  it('subscribes to the SSE stream with the token and parses event data', () => {
    const listeners = new Map<string, (event: MessageEvent<string>) => void>();
    let openedUrl = '';
    let closed = false;
    const source: EventSourceLike = {
      addEventListener: (type, listener) => listeners.set(type, listener),
      close: () => {
        closed = true;
      },
    };
    const transport = createHttpTransport({
      origin: 'http://127.0.0.1:5000',
      token: 'abc 123',
      fetch: fetch,
      createEventSource: (url) => {
        openedUrl = url;
        return source;
      },
    });
    const received: unknown[] = [];
    const stop = transport.subscribe((name, payload) => received.push([name, payload]));
    listeners.get('progress')?.(new MessageEvent('progress', { data: '{"done":1}' }));
    listeners.get('progress')?.(new MessageEvent('progress', { data: 'not json' }));
    stop();
    expect(openedUrl).toBe('http://127.0.0.1:5000/api/events?token=abc%20123');
    expect(received).toEqual([['progress', { done: 1 }]]);
    expect(closed).toBe(true);
  });
});

describe('createHttpTransport: one event stream', () => {
  it('opens one event stream for all subscriptions and closes it with the last', () => {
    const listeners = new Map<string, (event: MessageEvent<string>) => void>();
    let opened = 0;
    let closed = 0;
    const transport = createHttpTransport({
      origin: 'http://127.0.0.1:5000',
      token: null,
      fetch,
      createEventSource: () => {
        opened += 1;
        return { addEventListener: (type, listener) => listeners.set(type, listener), close: () => (closed += 1) };
      },
    });
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = transport.subscribe((name) => first.push(name));
    const stopSecond = transport.subscribe((name) => second.push(name));
    listeners.get('progress')?.(new MessageEvent('progress', { data: '{}' }));
    stopFirst();
    listeners.get('project.changed')?.(new MessageEvent('project.changed', { data: '{}' }));
    expect([opened, closed]).toEqual([1, 0]);
    stopSecond();
    expect([opened, closed]).toEqual([1, 1]);
    expect(first).toEqual(['progress']);
    expect(second).toEqual(['progress', 'project.changed']);
  });

  it('gives an event to no handler unsubscribed meanwhile, and to the others when one throws', async () => {
    const listeners = new Map<string, (event: MessageEvent<string>) => void>();
    const transport = createHttpTransport({
      origin: 'http://127.0.0.1:5000',
      token: null,
      fetch,
      createEventSource: () => ({ addEventListener: (type, listener) => listeners.set(type, listener), close: () => {} }),
    });
    const received: string[] = [];
    let stopLater = () => {};
    transport.subscribe(() => {
      received.push('first');
      stopLater();
      throw new Error('a handler failed');
    });
    stopLater = transport.subscribe(() => received.push('second'));
    transport.subscribe(() => received.push('third'));
    const uncaught: unknown[] = [];
    const original = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (callback) => original(() => {
      try {
        callback();
      } catch (error) {
        uncaught.push(error);
      }
    });
    try {
      listeners.get('progress')?.(new MessageEvent('progress', { data: '{}' }));
      await Promise.resolve();
    } finally {
      globalThis.queueMicrotask = original;
    }
    expect(received).toEqual(['first', 'third']);
    expect(uncaught).toHaveLength(1);
  });
});

describe('detectTransport', () => {
  const location = { origin: 'http://127.0.0.1:5000', search: '?token=secret123' };

  it('prefers the Electron bridge when the preload exposed one', () => {
    const bridge: KleinraumBridge = { invoke: async () => ({ ok: true, value: null }), subscribe: () => () => {} };
    expect(detectTransport({ kleinraum: bridge, location, fetch }).kind).toBe('bridge');
  });

  it('uses loopback HTTP with the token from the address otherwise', () => {
    expect(detectTransport({ location, fetch }).kind).toBe('http');
  });

  it('without a token in the address relies on the session cookie: no token header, events without token', async () => {
    const requests: RequestInit[] = [];
    const recordingFetch = (async (_url: string, init: RequestInit) => {
      requests.push(init);
      return new Response(JSON.stringify({ ok: true, value: 1 }));
    }) as unknown as typeof fetch;
    let openedUrl = '';
    const EventSource = class {
      constructor(url: string) {
        openedUrl = url;
      }
      addEventListener() {}
      close() {}
    };
    const transport = detectTransport({ location: { origin: location.origin, search: '' }, fetch: recordingFetch, EventSource });
    await transport.invoke('project.current', {});
    expect((requests[0]?.headers as Record<string, string>)['x-kleinraum-token']).toBeUndefined();
    expect(requests[0]?.credentials).toBe('same-origin');
    transport.subscribe(() => {});
    expect(openedUrl).toBe('http://127.0.0.1:5000/api/events');
  });
});

describe('early requests (renderer/boot.ts)', () => {
  const location = { origin: 'http://127.0.0.1:5000', search: '?token=secret123' };

  /** A fetch that records each request and answers with the number of the request. */
  function countingFetch() {
    const requests: { url: string; init: RequestInit }[] = [];
    const fetchFunction = (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: requests.length }));
    }) as unknown as typeof fetch;
    return { requests, fetchFunction };
  }

  it('sends the first calls as the transport would, and the transport takes their answers once', async () => {
    const { requests, fetchFunction } = countingFetch();
    const host = { location, fetch: fetchFunction };
    sendEarlyRequests(host);
    expect(requests.map((request) => request.url)).toEqual(EARLY_METHODS.map((method) => `http://127.0.0.1:5000/api/${method}`));
    expect((requests[0]?.init.headers as Record<string, string>)['x-kleinraum-token']).toBe('secret123');
    const transport = detectTransport(host);
    // project.current was the second early request: its answer is taken, no new request is made.
    expect(await transport.invoke('project.current', {})).toEqual({ ok: true, value: 2 });
    expect(requests).toHaveLength(EARLY_METHODS.length);
    // Taken once: the next call asks the backend again.
    expect(await transport.invoke('project.current', {})).toEqual({ ok: true, value: 3 });
    expect(requests).toHaveLength(EARLY_METHODS.length + 1);
  });

  it('is not used for a call with another input, and a failed early request is asked again', async () => {
    const host = { location, fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch };
    sendEarlyRequests(host);
    expect(takeEarlyRequest(host, 'host.info', { detail: true })).toBeUndefined();
    const { requests, fetchFunction } = countingFetch();
    host.fetch = fetchFunction;
    const transport = detectTransport(host);
    expect(await transport.invoke('project.current', {})).toEqual({ ok: true, value: 1 });
    expect(requests[0]?.url).toBe('http://127.0.0.1:5000/api/project.current');
  });

  /** A backend answering the project with `project` and every other call with the method's name. */
  function projectFetch(project: unknown, status = 200) {
    const requests: { method: string; input: unknown }[] = [];
    const fetchFunction = (async (url: string, init: RequestInit) => {
      const method = url.slice(url.lastIndexOf('/') + 1);
      requests.push({ method, input: JSON.parse(String(init.body)) });
      return new Response(JSON.stringify({ ok: true, value: method === 'project.current' ? project : method }), { status: method === 'project.current' ? status : 200 });
    }) as unknown as typeof fetch;
    return { requests, fetchFunction };
  }

  /** The first map's calls as the boot script is told them: the project's first layer and its indicator. */
  const followUps = async (project: unknown) => {
    const { layers, indicator } = project as { layers: string[]; indicator?: string };
    return { 'layer.features': { layer: layers[0] }, ...(indicator ? { 'indicator.values': { indicatorId: indicator, layer: layers[0] } } : {}) };
  };

  /** Lets the promise reactions queued so far run (the mocked backend answers at once). */
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('sends the calls of the first map as soon as the project is in, and the transport takes their answers', async () => {
    const project = { layers: ['stadtteile'], indicator: 'population' };
    const { requests, fetchFunction } = projectFetch(project);
    const host = { location, fetch: fetchFunction };
    sendEarlyRequests(host, followUps);
    await settled();
    const transport = detectTransport(host);
    expect(await transport.invoke('project.current', {})).toEqual({ ok: true, value: project });
    expect(await transport.invoke('layer.features', { layer: 'stadtteile' })).toEqual({ ok: true, value: 'layer.features' });
    expect(await transport.invoke('indicator.values', { indicatorId: 'population', layer: 'stadtteile' })).toEqual({ ok: true, value: 'indicator.values' });
    expect(requests).toEqual([
      { method: 'host.info', input: {} },
      { method: 'project.current', input: {} },
      { method: 'layer.features', input: { layer: 'stadtteile' } },
      { method: 'indicator.values', input: { indicatorId: 'population', layer: 'stadtteile' } },
    ]);
  });

  it('asks anew for a call with another input or made before the early one left, which then stays unsent', async () => {
    const shown = projectFetch({ layers: ['gemeinden'] });
    const host = { location, fetch: shown.fetchFunction };
    sendEarlyRequests(host, followUps);
    // Asked for before the project was in: the main script's own request, and the boot script sends none.
    const transport = detectTransport(host);
    expect(await transport.invoke('layer.features', { layer: 'gemeinden' })).toEqual({ ok: true, value: 'layer.features' });
    await settled();
    expect(shown.requests.slice(2)).toEqual([{ method: 'layer.features', input: { layer: 'gemeinden' } }]);

    const other = projectFetch({ layers: ['gemeinden'] });
    const otherHost = { location, fetch: other.fetchFunction };
    sendEarlyRequests(otherHost, followUps);
    await settled();
    // The store shows another layer than the boot script was told: asked anew, the early answer unused.
    expect(await detectTransport(otherHost).invoke('layer.features', { layer: 'bezirke' })).toEqual({ ok: true, value: 'layer.features' });
    expect(other.requests.slice(2)).toEqual([
      { method: 'layer.features', input: { layer: 'gemeinden' } },
      { method: 'layer.features', input: { layer: 'bezirke' } },
    ]);
  });

  it('sends no follow-up after a refused or empty project', async () => {
    for (const [project, status] of [[{ layers: ['gemeinden'] }, 401], [null, 200]] as const) {
      const refused = projectFetch(project, status);
      sendEarlyRequests({ location, fetch: refused.fetchFunction }, followUps);
      await settled();
      expect(refused.requests.map((request) => request.method)).toEqual(['host.info', 'project.current']);
    }
  });

  it('leaves calls alone on a page without early requests', () => {
    expect(takeEarlyRequest({}, 'project.current', {})).toBeUndefined();
  });
});
