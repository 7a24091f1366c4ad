// The search box lives in the URL (?q=), so a filtered list survives a reload
// and back/forward step through searches.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export function useSearchParam(name = 'q'): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name) ?? '';
  const setValue = useCallback(
    (next: string) => {
      setParams(
        (prev) => {
          const copy = new URLSearchParams(prev);
          if (next) copy.set(name, next);
          else copy.delete(name);
          return copy;
        },
        { replace: true },
      );
    },
    [name, setParams],
  );
  return [value, setValue];
}

/** Drops empty filters: list inputs are strict, and "" is not "no filter". */
export function definedOnly<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}
