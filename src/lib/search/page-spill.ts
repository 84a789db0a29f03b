// Pages kept for the search index until every page is in, on disk rather than in memory: what
// Pagefind reads of a page is about 7.5 KB, 750 MB for 100,000 articles, which the build would
// otherwise hold beside Astro's content store until the end. One temporary file, read back by
// offset in any order.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SpilledPage {
  offset: number;
  bytes: number;
}

export interface PageSpill {
  add(content: string): SpilledPage;
  read(page: SpilledPage): string;
  /** Removes the file; the spill is not usable after. */
  remove(): void;
}

export function pageSpill(): PageSpill {
  const dir = mkdtempSync(join(tmpdir(), "pouls-search-pages-"));
  const fd = openSync(join(dir, "pages"), "w+");
  let end = 0;
  return {
    add(content) {
      const data = Buffer.from(content, "utf8");
      writeSync(fd, data, 0, data.length, end);
      const page = { offset: end, bytes: data.length };
      end += data.length;
      return page;
    },
    read({ offset, bytes }) {
      const data = Buffer.allocUnsafe(bytes);
      let read = 0;
      while (read < bytes) read += readSync(fd, data, read, bytes - read, offset + read);
      return data.toString("utf8");
    },
    remove() {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
