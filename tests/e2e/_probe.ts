import { launch } from "/work/main/tests/helpers/browser.ts";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const axeSource = readFileSync(createRequire("/work/main/package.json").resolve("axe-core/axe.min.js"), "utf8");
const b = await launch();
const ctx = await b.newContext({ javaScriptEnabled: false });
const p = await ctx.newPage();
await p.setContent("<html lang=fr><title>x</title><main><h1>hi</h1><img src=x><script>document.title='ran'</script></main></html>");
console.log(await p.title());
try { console.log(await p.evaluate(`${axeSource}; axe.run(document, {runOnly: {type: "tag", values: ["wcag2a"]}}).then(r => r.violations.map(v => v.id))`)); } catch (e) { console.log("axe failed", String(e).slice(0,300)); }
await b.close();
