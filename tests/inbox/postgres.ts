import { randomBytes } from "node:crypto";
import pg from "pg";

// PostgreSQL tests need a server: .ci/postgres.sh starts one and sets TEST_DATABASE_URL.
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "";
export const PG_SKIP = TEST_DATABASE_URL === "" ? "TEST_DATABASE_URL is not set: PostgreSQL tests skipped" : false;

export interface PgSchema {
  // TEST_DATABASE_URL confined to a schema of its own, as DATABASE_URL for a store or an inbox.
  url: string;
  query(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

// An empty schema per test: the tests share one database yet start from nothing, as a new
// installation does, and leave nothing behind.
export async function freshSchema(): Promise<PgSchema> {
  const name = `pouls_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA ${name}`);
  await client.query(`SET search_path = ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("options", `-c search_path=${name}`);
  return {
    url: url.toString(),
    async query(text, values = []) {
      return (await client.query(text, values)).rows as Record<string, unknown>[];
    },
    async drop() {
      await client.query(`DROP SCHEMA ${name} CASCADE`);
      await client.end();
    },
  };
}
