import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

// Commits just this path, leaving whatever else is staged in the work tree alone.
export async function commitPath(dir: string, file: string, message: string): Promise<boolean> {
  await run("git", ["-C", dir, "add", "-A", "--", file]);
  try {
    await run("git", ["-C", dir, "diff", "--cached", "--quiet", "--", file]);
    return false;
  } catch {
    await run("git", ["-C", dir, "commit", "--quiet", "-m", message, "--", file]);
    return true;
  }
}
