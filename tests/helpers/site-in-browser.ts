// The built sample site served over HTTP with Chromium ready, for a describe() block of browser
// tests: started before its tests, closed after them.
import { after, before } from "node:test";
import type { Browser } from "playwright-core";
import { launch } from "./browser.ts";
import { assertBuilt, dist } from "./dist.ts";
import { serveStatic } from "./static-server.ts";

export interface SiteInBrowser {
  readonly browser: Browser;
  /** The site's origin, e.g. http://127.0.0.1:41234 */
  readonly url: string;
}

export function siteInBrowser(): SiteInBrowser {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  before(async () => {
    assertBuilt();
    server = await serveStatic(dist);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
  };
}
