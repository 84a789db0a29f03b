// Real Chromium (Debian's package) driven by playwright-core, and axe-core injected into pages.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** WCAG 2.2 AA (and everything below it) violations on the page as it is now. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({ target: n.target, html: n.html })),
    }));
  });
}

export const describeViolations = (vs: AxeViolation[]) =>
  vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.html).join("\n  ")}`).join("\n");

/**
 * Violations on the page a reader without JavaScript gets. axe itself cannot run with scripting off
 * (its timers never fire), so the page is read with scripting off, where Chromium parses <noscript>
 * content as live markup, stripped of its scripts, and that markup is checked at the same URL.
 */
export async function axeWithoutJavaScript(browser: Browser, url: string): Promise<AxeViolation[]> {
  const scriptless = await browser.newContext({ javaScriptEnabled: false });
  const reader = await scriptless.newPage();
  await reader.goto(url);
  const html = await reader.evaluate(() => {
    document.querySelectorAll("script").forEach((script) => script.remove());
    document.querySelectorAll("noscript").forEach((noscript) => noscript.replaceWith(...noscript.childNodes));
    return `<!doctype html>${document.documentElement.outerHTML}`;
  });
  await scriptless.close();

  const checker = await browser.newContext();
  try {
    const page = await checker.newPage();
    await page.route(url, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
    await page.goto(url);
    return await axe(page);
  } finally {
    await checker.close();
  }
}
