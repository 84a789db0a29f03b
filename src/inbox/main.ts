import "./quiet-warnings.ts";
import { ConfigError, readServerConfig } from "./config.ts";
import { listen, openInbox } from "./server.ts";

const log = (message: string): void => console.error(`[inbox] ${message}`);

let config;
try {
  config = readServerConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`La boîte de réception des commentaires ne démarre pas : ${error.message}`);
  process.exit(1);
}
// Only the scrypt hash is kept, and neither secret is handed to child processes (rebuilds).
delete process.env.MODERATION_PASSWORD;
delete process.env.INBOX_SECRET;

let inbox;
try {
  inbox = await openInbox(config, log);
} catch (error) {
  // Typically the database: unreachable, wrong password, no rights to migrate.
  console.error(`La boîte de réception des commentaires ne démarre pas : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const server = await listen(inbox.app, config.port);
const base = `http://localhost:${server.port}`;
console.log(`Boîte de réception des commentaires : ${base}/api/comments`);
console.log(`Modération : ${base}/moderation/`);

// Graceful: no new connection, the requests in flight answered (a comment being stored is
// stored and acknowledged), then the store closed. A second signal does not cut it short.
let stopping = false;
const stop = async (signal: string): Promise<void> => {
  if (stopping) return;
  stopping = true;
  log(`${signal} reçu : arrêt après les requêtes en cours.`);
  inbox.drain();
  await server.close();
  await inbox.close();
  log("Arrêt terminé.");
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
