/**
 * Loads one Analyse result from the backend whenever its request changes, dropping answers to requests
 * that are no longer current (the user switched quickly) and keeping the error as a localized text to show
 * where the result would be — bad input (a constant indicator, too few values) is a normal outcome here.
 */
import { useEffect, useState } from 'react';
import type { LocalizedText } from '../../shared/model/project';
import { toApiError } from '../api/apiError';

export interface AnalysisState<T> {
  result: T | null;
  error: LocalizedText | null;
  loading: boolean;
}

/**
 * @example const moran = useAnalysisResult(request, (input) => api['analysis.moran'](input), 'analysis.moran')
 */
export function useAnalysisResult<Input, Output>(request: Input | null, load: (input: Input) => Promise<Output>, method: string): AnalysisState<Output> {
  const [state, setState] = useState<AnalysisState<Output>>({ result: null, error: null, loading: false });
  const requestText = JSON.stringify(request);
  useEffect(() => {
    if (request === null) {
      setState({ result: null, error: null, loading: false });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load(request).then(
      (result) => {
        if (current) setState({ result, error: null, loading: false });
      },
      (error: unknown) => {
        if (current) setState({ result: null, error: toApiError(error, method).text, loading: false });
      },
    );
    return () => {
      current = false;
    };
    // The request's content, not its identity, decides whether to load again.
  }, [requestText]);
  return state;
}
