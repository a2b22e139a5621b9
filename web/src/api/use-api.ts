// Reading from the API in components: the latest answer for a path, its error, and a way to read again.
import { useCallback, useEffect, useState } from "react";
import { api } from "./client.ts";

export type ApiState<T> = {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
};

/** GETs `path` (nothing when null) and again whenever it changes or reload() is called. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<{
    data: T | undefined;
    error: Error | undefined;
    loading: boolean;
    path: string | null;
  }>({
    data: undefined,
    error: undefined,
    loading: path !== null,
    path,
  });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (path === null) {
      setState({ data: undefined, error: undefined, loading: false, path });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined, path }));
    api<T>(path, { signal: controller.signal }).then(
      (data) => setState({ data, error: undefined, loading: false, path }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          data: undefined,
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
          path,
        });
      },
    );
    return () => controller.abort();
  }, [path, generation]);

  // Data of an earlier path is not shown as if it belonged to this one.
  const current = state.path === path;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current || state.loading,
    reload,
  };
}

/** GETs several paths at once; data is undefined until all have answered. */
export function useApiAll<T>(paths: readonly string[]): { data: T[] | undefined; error: Error | undefined } {
  const key = paths.join("\n");
  const [state, setState] = useState<{ key: string; data?: T[]; error?: Error }>({ key });
  useEffect(() => {
    const controller = new AbortController();
    const list = key ? key.split("\n") : [];
    Promise.all(list.map((p) => api<T>(p, { signal: controller.signal }))).then(
      (data) => setState({ key, data }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ key, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [key]);
  return state.key === key ? { data: state.data, error: state.error } : { data: undefined, error: undefined };
}
