import { html } from "hono/html";

export type Html = ReturnType<typeof html>;

export const STYLESHEET_PATH = "/moderation/style.css";

// Every page the inbox serves: French, no script at all, one same-origin stylesheet (the CSP
// allows nothing else).
export function page(title: string, body: Html, options: { header?: Html } = {}): Html {
  return html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title} — Pouls</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
${options.header ?? html`<header class="site"><p class="brand">Pouls</p></header>`}
<main id="contenu" tabindex="-1">
${body}
</main>
</body>
</html>`;
}
