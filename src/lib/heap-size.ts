// How much JavaScript heap a build may use. Node's default (about 4 GB on a 64-bit machine) is what
// stops a large site first: the content store of 100,000 articles does not fit in it. `npm run
// build` gives Astro three quarters of the machine's memory (or of the container's limit), and
// leaves the rest to Pagefind, sharp and the system.

const MB = 1024 * 1024;

/** The heap limit in MB to give the build, or undefined when NODE_OPTIONS already sets one. */
export function buildHeapMb(machineBytes: number, containerBytes: number | undefined, nodeOptions = ""): number | undefined {
  if (/--max-old-space-size/.test(nodeOptions)) return undefined;
  const memory = containerBytes && containerBytes > 0 ? Math.min(machineBytes, containerBytes) : machineBytes;
  // Never below Node's own default: a small machine is better served by swapping than by failing.
  return Math.max(4096, Math.floor((memory * 0.75) / MB));
}
