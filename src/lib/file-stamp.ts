// A file as it is on disk, without reading it: its inode, size and modification time. Written
// again or replaced, a file gets another stamp; moved (renamed), it keeps it. Caches between
// builds use it to skip files a build left as they were.
import { statSync } from "node:fs";

/** The file's stamp, to the millisecond. */
export function fileStamp(file: string): string {
  const { ino, size, mtimeMs } = statSync(file);
  return `${ino}:${size}:${Math.trunc(mtimeMs)}`;
}
