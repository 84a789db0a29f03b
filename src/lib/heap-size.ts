// How much JavaScript heap a build may use. Node's default (about 4 GB on a 64-bit machine) is what
// stops a large site first: the content store of 100,000 articles does not fit in it. `npm run
// build` gives Astro half the machine's memory (or of the container's limit), and leaves the rest
// to Pagefind, which indexes while Astro still holds its heap, sharp and the system. V8 lets its
// heap grow to the limit before it collects hard: with three quarters (18 GB of 24), Astro held
// 17.9 GB when Pagefind's 100,000 pages came, and the system killed the build.

const MB = 1024 * 1024;

/** The heap limit in MB to give the build, or undefined when NODE_OPTIONS already sets one. */
export function buildHeapMb(machineBytes: number, containerBytes: number | undefined, nodeOptions = ""): number | undefined {
  if (/--max-old-space-size/.test(nodeOptions)) return undefined;
  const memory = containerBytes && containerBytes > 0 ? Math.min(machineBytes, containerBytes) : machineBytes;
  // Never below Node's own default: a small machine is better served by swapping than by failing.
  return Math.max(4096, Math.floor((memory * 0.5) / MB));
}
