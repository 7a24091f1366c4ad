/**
 * Drops keys whose value is undefined. Prisma runs with strictUndefinedChecks,
 * so an optional input field that was not sent must be left out, not passed
 * as undefined.
 */
export function compact<T extends Record<string, unknown>>(
  input: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
