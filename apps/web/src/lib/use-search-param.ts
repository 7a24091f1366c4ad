// The search box lives in the URL (?q=), so a filtered list survives a reload
// and back/forward step through searches.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Sets some URL params and drops those given as "" or undefined, replacing the
 * history entry: typing in a filter never adds a Back step.
 */
export function useSearchParamsPatch(): (patch: Record<string, string | undefined>) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (patch) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [name, value] of Object.entries(patch)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
}

export function useSearchParam(name = 'q'): [string, (value: string) => void] {
  const [params] = useSearchParams();
  const patch = useSearchParamsPatch();
  const setValue = useCallback(
    (value: string) => {
      patch({ [name]: value });
    },
    [name, patch],
  );
  return [params.get(name) ?? '', setValue];
}

/** Drops empty filters: list inputs are strict, and "" is not "no filter". */
export function definedOnly<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}
