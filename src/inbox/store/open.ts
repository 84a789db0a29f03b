import { openPostgresStore } from "./postgres.ts";
import { openSqliteStore } from "./sqlite.ts";
import type { CommentStore } from "./types.ts";

// PostgreSQL when DATABASE_URL is set (several instances can share it), else the SQLite file.
export function openStore(
  config: { databaseUrl: string | null; dbPath: string },
  log: (message: string) => void,
): Promise<CommentStore> {
  if (config.databaseUrl !== null) return openPostgresStore(config.databaseUrl, { log });
  return Promise.resolve(openSqliteStore(config.dbPath));
}
