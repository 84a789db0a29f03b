// The two stores an inbox process can run on, for tests that start real inbox processes: the
// environment that selects each, SQL on its database from outside the process, and clean-up.
import { DatabaseSync } from "node:sqlite";
import { after, before } from "node:test";
import { makeFixture, startInbox, type Fixture, type RunningInbox } from "./helpers.ts";
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

export interface InboxOnBackend {
  fixture: Fixture;
  database: BackendDatabase;
  inbox: RunningInbox;
}

/**
 * A new fixture and an inbox on `backend` for the describe() block that calls it: started before
 * its tests, stopped and its database dropped after. Read the fields inside tests.
 */
export function inboxOnBackend(backend: Backend, env: Record<string, string> = {}): InboxOnBackend {
  const state = {} as InboxOnBackend;
  before(async () => {
    state.fixture = makeFixture();
    state.database = await backend.prepare(state.fixture);
    state.inbox = await startInbox(state.fixture, { ...state.database.env, ...env });
  });
  after(async () => {
    await state.inbox?.stop();
    await state.database?.drop();
  });
  return state;
}
