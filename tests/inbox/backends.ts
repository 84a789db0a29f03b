// The two stores an inbox process can run on, for tests that start real inbox processes: the
// environment that selects each, SQL on its database from outside the process, and clean-up.
import { DatabaseSync } from "node:sqlite";
import type { Fixture } from "./helpers.ts";
import { freshSchema, PG_SKIP } from "./postgres.ts";

export interface BackendDatabase {
  /** Extra environment for the inbox. */
  env: Record<string, string>;
  /** One SQL statement on the inbox's database; its rows, if any. */
  query(text: string): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

export interface Backend {
  name: string;
  skip: string | false;
  prepare(fixture: Fixture): Promise<BackendDatabase>;
}

export const BACKENDS: Backend[] = [
  {
    name: "SQLite",
    skip: false,
    async prepare(fixture) {
      return {
        env: {},
        async query(text) {
          const db = new DatabaseSync(fixture.dbPath);
          try {
            return db.prepare(text).all() as Record<string, unknown>[];
          } finally {
            db.close();
          }
        },
        drop: async () => undefined,
      };
    },
  },
  {
    name: "PostgreSQL",
    skip: PG_SKIP,
    async prepare() {
      const schema = await freshSchema();
      return { env: { DATABASE_URL: schema.url }, query: (text) => schema.query(text), drop: schema.drop };
    },
  },
];
