/**
 * The renderer's one way to the backend, built on TanStack Query:
 *
 * - `useBackendQuery(method, input)` reads: cached per method and input, loading state, the error as a
 *   text in both languages, stale answers never shown for a newer input.
 * - `useBackend().call(method, input)` acts (save, import, run a command): never cached.
 * - the session (outside React) reads through the same cache with `fetchBackend`.
 *
 * Every cached answer belongs to the open project: the session invalidates them all when the backend
 * reports `project.changed` (which every change emits, whoever made it), so no view keeps a revision
 * counter or reloads by hand.
 */
import { keepPreviousData, QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { KleinraumApi, MethodName, MethodOutput } from '../../shared/contract/api';
import type { LocalizedText } from '../../shared/model/project';
import { useApp } from '../AppContext';
import { toApiError } from './apiError';
import type { KleinraumClient } from './client';

/** What a method takes (after the contract's defaults are applied). */
export type BackendInput<M extends MethodName> = Parameters<KleinraumApi[M]>[0];

/** Calls one method of the client (the one place where the generic method name meets the method table). */
function invoke<M extends MethodName>(api: KleinraumClient, method: M, input: BackendInput<M>): Promise<MethodOutput<M>> {
  const run = api[method] as unknown as (value: BackendInput<M>) => Promise<MethodOutput<M>>;
  return run.call(api, input);
}

/** The first element of every backend query key: invalidating it invalidates every cached answer. */
const BACKEND_KEY = 'backend';

/**
 * The page's query cache. Answers stay fresh until the project changes (nothing else changes them), a
 * failed read is not retried (the errors are the user's to act on), and focusing the window reloads
 * nothing.
 */
export function createBackendQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Number.POSITIVE_INFINITY, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/** @example backendQueryKey('indicator.values', { indicatorId: 'foreign_share', layer: 'gemeinden' }) */
export function backendQueryKey<M extends MethodName>(method: M, input: BackendInput<M> | null): readonly unknown[] {
  return [BACKEND_KEY, method, input];
}

/**
 * Reads through the cache from outside React (the session). Answers the cache's copy: when an answer is
 * fetched again (after every project change) and has not changed, TanStack's structural sharing keeps the
 * previous object, so the store sees the same object and nothing is drawn again (11 000 areas for Germany).
 */
export async function fetchBackend<M extends MethodName>(queryClient: QueryClient, api: KleinraumClient, method: M, input: BackendInput<M>): Promise<MethodOutput<M>> {
  const queryKey = backendQueryKey(method, input);
  const fetched = await queryClient.fetchQuery({ queryKey, queryFn: () => invoke(api, method, input) });
  return queryClient.getQueryData<MethodOutput<M>>(queryKey) ?? fetched;
}

/** Marks every cached answer stale; the reads on screen load again. Called on `project.changed`. */
export function invalidateBackendAnswers(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: [BACKEND_KEY] });
}

export interface BackendQuery<T> {
  /** The answer for the current input; with `keepPrevious`, the last answer while the next one loads. */
  data: T | undefined;
  /** Why the last read failed, in both languages; null when it did not. */
  error: LocalizedText | null;
  /** A read for the current input is running. */
  loading: boolean;
}

export interface BackendQueryOptions {
  /** Keep showing the previous answer while the answer for a new input loads (no flicker while editing). */
  keepPrevious?: boolean;
  /** Read only once the input has stayed the same this long (typing in a field starts no read per key). */
  delayMs?: number;
}

/**
 * Reads `method` with `input`; `null` reads nothing (e.g. no layer chosen yet).
 * @example const moran = useBackendQuery('analysis.moran', request, { keepPrevious: true });
 */
export function useBackendQuery<M extends MethodName>(method: M, input: BackendInput<M> | null, options: BackendQueryOptions = {}): BackendQuery<MethodOutput<M>> {
  const { api } = useApp();
  const { settled, waiting } = useSettledValue(input, options.delayMs ?? 0);
  const query = useQuery({
    queryKey: backendQueryKey(method, settled),
    queryFn: () => invoke(api, method, settled as BackendInput<M>),
    enabled: settled !== null,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
  const error = useMemo(() => (query.error ? toApiError(query.error, method).text : null), [query.error, method]);
  return { data: input === null ? undefined : query.data, error, loading: query.isFetching || (waiting && input !== null) };
}

/** `value`, but only once it has stayed equal (by content) for `delayMs`; at once when `delayMs` is 0. */
function useSettledValue<T>(value: T, delayMs: number): { settled: T; waiting: boolean } {
  const [settled, setSettled] = useState(value);
  const valueText = delayMs <= 0 ? '' : JSON.stringify(value);
  const same = delayMs <= 0 || JSON.stringify(settled) === valueText;
  useEffect(() => {
    if (same) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
    // The value's content, not its identity, restarts the wait.
  }, [valueText, same, delayMs]);
  return same ? { settled: value, waiting: false } : { settled, waiting: true };
}

export interface Backend {
  /** Runs a command; rejects with an ApiError (its `text` in both languages) when it fails. */
  call<M extends MethodName>(method: M, input: BackendInput<M>): Promise<MethodOutput<M>>;
  /**
   * Puts a command's answer into the cache as the answer of a read (e.g. `planning.setSupply` answers with
   * what `planning.supply` would), so the view shows it at once instead of the old answer until reloaded.
   */
  remember<M extends MethodName>(method: M, input: BackendInput<M>, answer: MethodOutput<M>): void;
  /** "bridge" in Electron (native dialogs available), "http" in browser mode. */
  transportKind: KleinraumClient['transportKind'];
}

/**
 * Commands: what changes the project or has an effect (save, import, export a file, native dialogs).
 * The change comes back as `project.changed`, which refreshes every read.
 * @example const backend = useBackend(); await backend.call('planning.saveScenario', { scenario });
 */
export function useBackend(): Backend {
  const { api } = useApp();
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      call: <M extends MethodName>(method: M, input: BackendInput<M>) => invoke(api, method, input),
      remember: <M extends MethodName>(method: M, input: BackendInput<M>, answer: MethodOutput<M>) => {
        queryClient.setQueryData(backendQueryKey(method, input), answer);
      },
      transportKind: api.transportKind,
    }),
    [api, queryClient],
  );
}
