import { useCallback, useEffect, useState } from 'react';

export type Loader<T> = (signal: AbortSignal) => Promise<T>;

interface Settled<T> {
  loader: Loader<T>;
  version: number;
  data?: T;
  error?: unknown;
}

export interface ApiState<T> {
  /** The latest answer of this loader; kept while it reloads so the page does not flash. */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replace the data locally (after a write whose answer we already know). */
  setData: (data: T) => void;
}

/**
 * Loads data with a loader made by useCallback: a new loader (new dependencies) starts a fresh
 * load, `reload()` runs the same loader again. Answers that arrive for an outdated loader are
 * dropped, and the in-flight request is aborted.
 */
export function useApi<T>(loader: Loader<T>): ApiState<T> {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    loader(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ loader, version, data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setSettled((s) => ({ loader, version, error, data: s?.loader === loader ? s.data : undefined }));
        }
      },
    );
    return () => controller.abort();
  }, [loader, version]);

  const current = settled !== undefined && settled.loader === loader;
  const fresh = current && settled.version === version;
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback(
    (data: T) => setSettled((s) => (s ? { ...s, data, error: undefined } : s)),
    [],
  );
  return {
    data: current ? (settled.data ?? undefined) : undefined,
    error: fresh ? settled.error : undefined,
    loading: !fresh,
    reload,
    setData,
  };
}
