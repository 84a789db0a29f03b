import { spawn } from "node:child_process";
import { coalesced } from "./coalesced.ts";

export interface RebuildRunner {
  // Asks for a rebuild soon; a burst of approvals leads to one run.
  schedule(): void;
  // Runs now and waits (the CLI exits right after).
  runNow(): Promise<void>;
  stop(): void;
}

export function createRebuildRunner(
  command: string | null,
  delayMs: number,
  log: (message: string) => void,
): RebuildRunner {
  let timer: NodeJS.Timeout | undefined;

  const run = (): Promise<void> => {
    if (command === null) return Promise.resolve();
    return new Promise((resolve) => {
      const child = spawn(command, { shell: true, stdio: ["ignore", "inherit", "inherit"] });
      child.on("error", (error) => {
        log(`Reconstruction impossible : ${error.message}`);
        resolve();
      });
      child.on("exit", (code) => {
        if (code !== 0) log(`La commande de reconstruction a échoué (code ${code}).`);
        resolve();
      });
    });
  };

  // A run already in progress may have missed the latest files: it runs once more after.
  const runs = coalesced(run);

  return {
    schedule() {
      if (command === null) return;
      clearTimeout(timer);
      timer = setTimeout(runs.request, delayMs);
    },
    runNow: run,
    stop() {
      clearTimeout(timer);
    },
  };
}
