// Draws the sample articles' cover illustrations (original abstract SVG art, no text)
// and writes them as 1600×900 JPEGs beside the articles: content/articles/<slug>/cover.jpg.
//
//   node_modules/.bin/node scripts/make-covers.ts            # all covers
//   node_modules/.bin/node scripts/make-covers.ts <slug> …   # only these
//
// Each drawing is deterministic (seeded), so re-running the script gives the same files.
// The `alt` text in each article's front matter describes the drawing made here: change
// one, change the other.

import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const W = 1600;
const H = 900;
const MAX_BYTES = 150 * 1024;
const articlesDir = fileURLToPath(new URL("../content/articles/", import.meta.url));

/** Small deterministic PRNG (mulberry32) so covers are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const f = (n: number): string => n.toFixed(1);

function svg(defs: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>${defs}</defs>
${body}
</svg>`;
}

function linear(id: string, stops: string[], x2 = 1, y2 = 1): string {
  const s = stops
    .map((c, i) => `<stop offset="${(i / (stops.length - 1)).toFixed(3)}" stop-color="${c}"/>`)
    .join("");
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${s}</linearGradient>`;
}

function radial(id: string, inner: string, outer: string, fx = 0.35, fy = 0.35): string {
  return `<radialGradient id="${id}" cx="0.5" cy="0.5" r="0.5" fx="${fx}" fy="${fy}">` +
    `<stop offset="0" stop-color="${inner}"/><stop offset="1" stop-color="${outer}"/></radialGradient>`;
}

const blur = (id: string, sd: number): string =>
  `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${sd}"/></filter>`;

/** Breast cancer / cellular immunotherapy: turquoise spheres converging on a pale pink disc. */
function convergingCells(): string {
  const r = rng(11);
  const cx = 1000;
  const cy = 450;
  let trails = "";
  let cells = "";
  for (let i = 0; i < 30; i++) {
    const angle = (i / 30) * Math.PI * 2 + r() * 0.3;
    const dist = 300 + r() * 480;
    const x = cx + Math.cos(angle) * dist * 1.15;
    const y = cy + Math.sin(angle) * dist * 0.75;
    const size = 12 + r() * 30;
    const tx = cx + Math.cos(angle) * (dist + 120) * 1.15;
    const ty = cy + Math.sin(angle) * (dist + 120) * 0.75;
    trails += `<line x1="${f(x)}" y1="${f(y)}" x2="${f(tx)}" y2="${f(ty)}" stroke="#ffffff" stroke-opacity="0.22" stroke-width="${f(size * 0.5)}" stroke-linecap="round"/>`;
    cells += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(size)}" fill="url(#teal)"/>`;
  }
  return svg(
    linear("bg", ["#f7a8c4", "#c86fb0", "#6d43ad"]) +
      radial("disc", "#fff1f6", "#f3aac6") +
      radial("teal", "#c2fff7", "#14a89b") +
      blur("soft", 40),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>
<circle cx="${cx}" cy="${cy}" r="300" fill="#ffd6e6" opacity="0.35" filter="url(#soft)"/>
${trails}
<circle cx="${cx}" cy="${cy}" r="230" fill="url(#disc)" stroke="#ffffff" stroke-width="10"/>
<circle cx="${cx - 40}" cy="${cy + 30}" r="70" fill="#f08fb4" opacity="0.45"/>
${cells}`,
  );
}

/** How immunotherapy works: yellow Y shapes (antibodies) around a large orange cell. */
function antibodies(): string {
  const r = rng(23);
  const cx = 800;
  const cy = 450;
  let ys = "";
  const n = 11;
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2 + 0.2;
    const d = 320 + r() * 70;
    const x = cx + Math.cos(a) * d * 1.35;
    const y = cy + Math.sin(a) * d * 0.95;
    // Rotate so that the arms of the Y point at the cell.
    const deg = (Math.atan2(cy - y, cx - x) * 180) / Math.PI + 90;
    const s = 0.9 + r() * 0.4;
    ys += `<g transform="translate(${f(x)} ${f(y)}) rotate(${f(deg)}) scale(${s.toFixed(2)})">
<path d="M0 55 L0 0 M0 0 L-34 -48 M0 0 L34 -48" fill="none" stroke="#ffd23f" stroke-width="14" stroke-linecap="round" stroke-linejoin="round"/></g>`;
  }
  let specks = "";
  for (let i = 0; i < 60; i++) {
    specks += `<circle cx="${f(r() * W)}" cy="${f(r() * H)}" r="${f(1 + r() * 3)}" fill="#8fb3ff" opacity="${(0.2 + r() * 0.4).toFixed(2)}"/>`;
  }
  return svg(
    radial("bg", "#243a80", "#0b1533", 0.5, 0.5) + radial("cell", "#ffc27a", "#e0591f") + blur("glow", 30),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>
${specks}
<circle cx="${cx}" cy="${cy}" r="230" fill="#ff9d4d" opacity="0.35" filter="url(#glow)"/>
<circle cx="${cx}" cy="${cy}" r="200" fill="url(#cell)"/>
<circle cx="${cx + 35}" cy="${cy + 25}" r="75" fill="#b8441a" opacity="0.55"/>
${ys}`,
  );
}

/** HPV vaccination: a white shield inside pale concentric circles on a sea-green gradient. */
function shield(): string {
  const cx = 800;
  const cy = 450;
  let rings = "";
  for (let i = 0; i < 7; i++) {
    const rad = 200 + i * 95;
    rings += `<circle cx="${cx}" cy="${cy}" r="${rad}" fill="none" stroke="#ffffff" stroke-width="${8 - i}" stroke-opacity="${(0.55 - i * 0.07).toFixed(2)}"/>`;
  }
  const shieldPath = (s: number): string =>
    `M ${cx} ${cy - 170 * s} C ${cx + 70 * s} ${cy - 120 * s} ${cx + 130 * s} ${cy - 125 * s} ${cx + 150 * s} ${cy - 120 * s} ` +
    `C ${cx + 150 * s} ${cy + 20 * s} ${cx + 110 * s} ${cy + 120 * s} ${cx} ${cy + 185 * s} ` +
    `C ${cx - 110 * s} ${cy + 120 * s} ${cx - 150 * s} ${cy + 20 * s} ${cx - 150 * s} ${cy - 120 * s} ` +
    `C ${cx - 130 * s} ${cy - 125 * s} ${cx - 70 * s} ${cy - 120 * s} ${cx} ${cy - 170 * s} Z`;
  return svg(
    linear("bg", ["#c9f4e8", "#6fcdb9", "#2f9a8d"]) + blur("shadow", 18),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>
${rings}
<path d="${shieldPath(1.05)}" fill="#1f6f66" opacity="0.35" filter="url(#shadow)" transform="translate(10 16)"/>
<path d="${shieldPath(1)}" fill="#ffffff"/>
<path d="${shieldPath(0.72)}" fill="#e3f8f2"/>`,
  );
}

/** Depression: a peach half-sun rising behind blue-grey hills under an indigo-to-rose sky. */
function sunrise(): string {
  const hill = (base: number, amp: number, phase: number, period: number): string => {
    let d = `M 0 ${H} L 0 ${base}`;
    for (let x = 0; x <= W; x += 20) {
      const y = base + Math.sin((x / period) * Math.PI * 2 + phase) * amp + Math.sin((x / (period * 0.37)) + phase) * amp * 0.25;
      d += ` L ${x} ${f(y)}`;
    }
    return `${d} L ${W} ${H} Z`;
  };
  return svg(
    linear("sky", ["#25285f", "#5a4a8c", "#c88aa6", "#f6b39f"], 0, 1) +
      radial("sun", "#fff0dc", "#ffbf8a", 0.5, 0.5) +
      blur("halo", 45),
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>
<circle cx="820" cy="640" r="260" fill="#ffd2b0" opacity="0.45" filter="url(#halo)"/>
<circle cx="820" cy="640" r="175" fill="url(#sun)"/>
<path d="${hill(620, 35, 0.4, 900)}" fill="#7b88ad"/>
<path d="${hill(700, 30, 2.1, 700)}" fill="#5a678f"/>
<path d="${hill(790, 25, 4.0, 1100)}" fill="#3b4670"/>`,
  );
}

/** Ultra-processed foods: a grid of bright rounded rectangles and a few green discs on mustard. */
function packages(): string {
  const r = rng(57);
  const colours = ["#e63946", "#2b6cb0", "#7b3fa0", "#d62f6b", "#1f4e9c", "#9d4edd"];
  const discs = new Set(["0,2", "2,0", "3,1", "5,2"]);
  const cols = 6;
  const rows = 3;
  const cw = 200;
  const ch = 220;
  const gap = 36;
  const x0 = (W - (cols * cw + (cols - 1) * gap)) / 2;
  const y0 = (H - (rows * ch + (rows - 1) * gap)) / 2;
  let body = "";
  for (let c = 0; c < cols; c++) {
    for (let row = 0; row < rows; row++) {
      const x = x0 + c * (cw + gap);
      const y = y0 + row * (ch + gap);
      if (discs.has(`${c},${row}`)) {
        body += `<circle cx="${f(x + cw / 2)}" cy="${f(y + ch / 2)}" r="88" fill="${r() > 0.5 ? "#3f9e4d" : "#2e7d4f"}"/>`;
        body += `<circle cx="${f(x + cw / 2 - 28)}" cy="${f(y + ch / 2 - 30)}" r="22" fill="#ffffff" opacity="0.25"/>`;
      } else {
        const col = colours[Math.floor(r() * colours.length)];
        const inset = 10 + r() * 20;
        body += `<rect x="${f(x + inset / 2)}" y="${f(y)}" width="${f(cw - inset)}" height="${ch}" rx="26" fill="${col}"/>`;
        body += `<rect x="${f(x + inset / 2 + 22)}" y="${f(y + 28)}" width="${f(cw - inset - 44)}" height="40" rx="12" fill="#ffffff" opacity="0.3"/>`;
      }
    }
  }
  return svg(linear("bg", ["#f2c94c", "#e0a81e"]), `<rect width="${W}" height="${H}" fill="url(#bg)"/>\n${body}`);
}

/** Pancreatic cancer / mRNA vaccines: an amber wavy ribbon with light ticks across dark violet. */
function rnaRibbon(): string {
  const r = rng(71);
  let stars = "";
  for (let i = 0; i < 140; i++) {
    stars += `<circle cx="${f(r() * W)}" cy="${f(r() * H)}" r="${f(0.8 + r() * 2.6)}" fill="#fff4d6" opacity="${(0.25 + r() * 0.6).toFixed(2)}"/>`;
  }
  // Ribbon along the diagonal from bottom-left to top-right, with a sinusoidal wobble.
  const x1 = -80;
  const y1 = 820;
  const x2 = W + 80;
  const y2 = 80;
  const len = Math.hypot(x2 - x1, y2 - y1);
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  const nx = -uy;
  const ny = ux;
  const pts: Array<[number, number, number]> = [];
  for (let t = 0; t <= len; t += 12) {
    const w = Math.sin((t / len) * Math.PI * 2 * 3.5) * 90;
    const slope = Math.cos((t / len) * Math.PI * 2 * 3.5) * 90 * ((Math.PI * 2 * 3.5) / len);
    pts.push([x1 + ux * t + nx * w, y1 + uy * t + ny * w, slope]);
  }
  const d = pts.map(([x, y], i) => `${i ? "L" : "M"} ${f(x)} ${f(y)}`).join(" ");
  let ticks = "";
  for (let i = 2; i < pts.length - 2; i += 4) {
    const [x, y] = pts[i];
    const [xa, ya] = pts[i - 1];
    const [xb, yb] = pts[i + 1];
    const tx = xb - xa;
    const ty = yb - ya;
    const tl = Math.hypot(tx, ty) || 1;
    const px = -ty / tl;
    const py = tx / tl;
    const L = 26 + r() * 18;
    ticks += `<line x1="${f(x + px * L)}" y1="${f(y + py * L)}" x2="${f(x - px * 6)}" y2="${f(y - py * 6)}" stroke="#ffe2b0" stroke-width="6" stroke-linecap="round"/>`;
  }
  return svg(
    linear("bg", ["#14062b", "#2d0f55", "#4a1c79"]) + blur("glow", 22),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>
${stars}
<path d="${d}" fill="none" stroke="#f4a93b" stroke-width="60" stroke-opacity="0.35" stroke-linecap="round" filter="url(#glow)"/>
${ticks}
<path d="${d}" fill="none" stroke="#f4a93b" stroke-width="26" stroke-linecap="round" stroke-linejoin="round"/>`,
  );
}

/** Bronchiolitis: two coral lobes with fine white branching, on a sky-blue field with bubbles. */
function lungs(): string {
  const r = rng(89);
  const branches = (x: number, y: number, angle: number, length: number, width: number, depth: number): string => {
    if (depth === 0 || length < 8) return "";
    const x2 = x + Math.cos(angle) * length;
    const y2 = y + Math.sin(angle) * length;
    let out = `<line x1="${f(x)}" y1="${f(y)}" x2="${f(x2)}" y2="${f(y2)}" stroke="#ffffff" stroke-width="${f(width)}" stroke-linecap="round" opacity="0.9"/>`;
    const spread = 0.3 + r() * 0.15;
    out += branches(x2, y2, angle - spread, length * 0.72, width * 0.68, depth - 1);
    out += branches(x2, y2, angle + spread, length * 0.72, width * 0.68, depth - 1);
    return out;
  };
  const lobe = (cx: number, mirror: number): string =>
    `<path d="M ${cx} 230 C ${cx + mirror * 150} 200 ${cx + mirror * 230} 420 ${cx + mirror * 220} 620 ` +
    `C ${cx + mirror * 215} 730 ${cx + mirror * 120} 760 ${cx + mirror * 40} 720 ` +
    `C ${cx - mirror * 30} 690 ${cx - mirror * 40} 560 ${cx - mirror * 30} 420 ` +
    `C ${cx - mirror * 25} 320 ${cx - mirror * 30} 250 ${cx} 230 Z" fill="url(#coral)"/>`;
  let bubbles = "";
  for (let i = 0; i < 45; i++) {
    const x = r() * W;
    const y = r() * H;
    if (x > 480 && x < 1120 && y > 180) continue;
    bubbles += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(6 + r() * 26)}" fill="#ffffff" fill-opacity="0.18" stroke="#ffffff" stroke-opacity="0.55" stroke-width="3"/>`;
  }
  return svg(
    linear("bg", ["#d6f0ff", "#9fd6f5", "#78c1ec"], 0.3, 1) + radial("coral", "#ffb3a3", "#ec6f5e"),
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>
${bubbles}
${lobe(720, -1)}
${lobe(880, 1)}
<line x1="800" y1="90" x2="800" y2="300" stroke="#ffffff" stroke-width="26" stroke-linecap="round"/>
<line x1="800" y1="300" x2="700" y2="360" stroke="#ffffff" stroke-width="18" stroke-linecap="round"/>
<line x1="800" y1="300" x2="900" y2="360" stroke="#ffffff" stroke-width="18" stroke-linecap="round"/>
${branches(700, 360, Math.PI * 0.6, 100, 12, 6)}
${branches(900, 360, Math.PI * 0.4, 100, 12, 6)}`,
  );
}

const covers: Record<string, () => string> = {
  "cancer-sein-avance-immunotherapie-cellulaire": convergingCells,
  "comment-fonctionne-immunotherapie": antibodies,
  "vaccination-hpv-college": shield,
  "depression-signes-quand-consulter": sunrise,
  "ultra-transformes-sante": packages,
  "cancer-pancreas-vaccin-arn-essai": rnaRibbon,
  "bronchiolite-nourrisson-gestes": lungs,
};

async function render(slug: string, draw: () => string): Promise<void> {
  const input = Buffer.from(draw());
  let quality = 72;
  let jpeg = await sharp(input).resize(W, H).jpeg({ quality, mozjpeg: true }).toBuffer();
  while (jpeg.length > MAX_BYTES && quality > 40) {
    quality -= 6;
    jpeg = await sharp(input).resize(W, H).jpeg({ quality, mozjpeg: true }).toBuffer();
  }
  if (jpeg.length > MAX_BYTES) throw new Error(`${slug}: cover still ${jpeg.length} bytes at quality ${quality}`);
  const dir = `${articlesDir}${slug}`;
  await mkdir(dir, { recursive: true });
  await writeFile(`${dir}/cover.jpg`, jpeg);
  console.log(`${slug}/cover.jpg  ${(jpeg.length / 1024).toFixed(1)} KB  (q${quality})`);
}

const wanted = process.argv.slice(2);
for (const slug of wanted) {
  if (!(slug in covers)) throw new Error(`no cover drawing for "${slug}"`);
}
for (const [slug, draw] of Object.entries(covers)) {
  if (wanted.length === 0 || wanted.includes(slug)) await render(slug, draw);
}
