// Keyset "load more" through tRPC's infiniteQueryOptions: the first page sends
// no cursor, each next page sends the last page's nextCursor (tRPC adds it, with
// `direction`, to the input), and the server's null ends the list.
export const keysetPaging = {
  getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined,
};
