// The contrib extensions the migrations create (`create extension …`). PGlite
// ships each as a module that every instance opening such a database must be
// given, whether it starts empty, opens a folder or loads a dump: without it,
// `create extension` fails and an index built on the extension cannot be used.
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export const PGLITE_EXTENSIONS = { pg_trgm };
