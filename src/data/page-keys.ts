// Cache keys for Astro's incremental builds (experimental.incrementalBuild): a page is rendered
// again when its key changes, or when its code does (Astro hashes that itself). A key is the
// fingerprint of everything the page shows that is not code: the props it receives, what the
// layout shows on every page, and what a page reads besides its props (`shows`).
import { getEditorialPages } from "./editorial.ts";
import { getSiteData } from "./site.ts";
import { site } from "../config/site.ts";
import { buildTime } from "../lib/build-time.ts";
import { digest } from "../lib/digest.ts";

interface StaticPath {
  params: Record<string, string | undefined>;
  props?: Record<string, unknown>;
}

let layout: Promise<string> | undefined;

/**
 * What every page's layout shows besides its props: the sections in the header and footer, the
 * editorial pages in the footer, the settings (some come from the environment, which Astro does
 * not see change) and the footer's year.
 */
function layoutKey(): Promise<string> {
  layout ??= Promise.all([getSiteData(), getEditorialPages()]).then(([data, pages]) =>
    digest({ site, sections: [...data.categories.byId.values()], pages, year: buildTime().getFullYear() }),
  );
  return layout;
}

/** The paths with their cache keys; `shows` gives what a page reads other than its props. */
export async function withCacheKeys<P extends StaticPath>(paths: P[], shows?: (path: P) => unknown): Promise<(P & { cacheKey: string })[]> {
  const shared = await layoutKey();
  return paths.map((path) => ({ ...path, cacheKey: digest([shared, path.params, path.props, shows?.(path)]) }));
}
