import { startTransition, useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { useSession } from './session';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile. */
  reload: () => void;
}

/** Loads JSON from a GET endpoint; a lapsed session sends the person back to sign-in. */
export function useResource<T>(path: string | null): Resource<T> {
  const { refresh } = useSession();
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean; path: string | null }>({
    loading: path !== null,
    path,
  });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => (s.path === path ? { ...s, loading: true } : { loading: true, path }));
    api<T>('GET', path).then(
      // A transition: React draws a large answer (a plan, a session) in slices, yielding to the
      // browser between them, instead of one long task that blocks taps (Lighthouse TBT).
      (data) => live && startTransition(() => setState({ data, loading: false, path })),
      (error: ApiError) => {
        if (!live) return;
        setState({ error, loading: false, path });
        if (error.status === 401) void refresh();
      },
    );
    return () => {
      live = false;
    };
  }, [path, version, refresh]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const current = state.path === path;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current || state.loading,
    reload,
  };
}

/** The part of a resource a section shows; loading, failure and retry stay the whole resource's. */
export function pick<T, U>(resource: Resource<T>, part: (data: T) => U): Resource<U> {
  return { ...resource, data: resource.data === undefined ? undefined : part(resource.data) };
}
