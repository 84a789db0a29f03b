import { spawn } from "node:child_process";

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
  let running: Promise<void> | undefined;
  let again = false;

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

  const fire = (): void => {
    timer = undefined;
    if (running !== undefined) {
      // A run already in progress may have missed the latest files: run once more after it.
      again = true;
      return;
    }
    running = run().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        fire();
      }
    });
  };

  return {
    schedule() {
      if (command === null) return;
      clearTimeout(timer);
      timer = setTimeout(fire, delayMs);
    },
    runNow: run,
    stop() {
      clearTimeout(timer);
    },
  };
}
