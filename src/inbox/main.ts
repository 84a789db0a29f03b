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

const inbox = await openInbox(config, log);
const server = await listen(inbox.app, config.port);
const base = `http://localhost:${server.port}`;
console.log(`Boîte de réception des commentaires : ${base}/api/comments`);
console.log(`Modération : ${base}/moderation/`);

const stop = async (): Promise<void> => {
  await server.close();
  await inbox.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
