// The import's report: a short summary for the terminal, and in Markdown everything an editor must
// look at, each with what to do.
import type { Plan, ReportEntry } from "./plan.ts";
import type { FileFate, Written } from "./write.ts";

const FATE_NOTES: Partial<Record<FileFate, string>> = {
  "kept-edited": "modifié depuis le dernier import : pas écrasé ; reportez à la main ce qui a changé dans WordPress, ou supprimez le fichier pour le réimporter.",
  "kept-existing": "un fichier du même nom existait déjà, écrit hors de l’import : pas écrasé ; renommez l’un des deux pour importer celui-ci.",
};

export interface Summary {
  imported: number;
  held: number;
  skipped: number;
  kept: number;
}

/** The report entries with what writing found on disk added to them. */
function entriesWithFates(plan: Plan, written: Written): ReportEntry[] {
  const byLabel = new Map(plan.files.map((f) => [f.label, written.fates.get(f)]));
  return plan.entries.map((entry) => {
    const note = FATE_NOTES[byLabel.get(entry.label) ?? "unchanged"];
    return note ? { ...entry, outcome: "held", notes: [...entry.notes, note] } : entry;
  });
}

export function summarize(plan: Plan, written: Written): Summary {
  const entries = entriesWithFates(plan, written);
  const skippedTypes = [...plan.skippedTypes.values()].reduce((a, b) => a + b, 0);
  return {
    imported: entries.filter((e) => e.outcome === "imported").length,
    held: entries.filter((e) => e.outcome === "held").length,
    skipped: entries.filter((e) => e.outcome === "skipped").length + skippedTypes,
    kept: [...written.fates.values()].filter((f) => f === "kept-edited" || f === "kept-existing").length,
  };
}

export function summaryLine(summary: Summary, written: Written, dryRun: boolean): string {
  const fates = [...written.fates.values()];
  const count = (f: FileFate) => fates.filter((x) => x === f).length;
  const verb = dryRun ? "seraient" : "";
  return [
    `Importés : ${summary.imported} · retenus (brouillons ou à revoir) : ${summary.held} · ignorés : ${summary.skipped}`,
    `Fichiers${verb ? " qui " + verb : ""} : ${count("created")} créé(s), ${count("updated")} mis à jour, ${count("unchanged")} inchangé(s), ${summary.kept} pas écrasé(s) ; images copiées : ${written.copied} ; rubriques ajoutées : ${written.categoriesAdded} ; anciennes adresses redirigées : ${written.redirectsAdded}`,
  ].join("\n");
}

/** Approved comments published, pending ones queued in the inbox, the rest left out by reason. */
export function commentsLine(plan: Plan, queued: number, dryRun: boolean): string {
  const skipped = [...plan.skippedComments].map(([reason, n]) => `${reason} : ${n}`).join(", ");
  const waiting = dryRun ? `${plan.pendingComments.length} en attente, pour la file de modération` : `${queued} nouveau(x) dans la file de modération (sur ${plan.pendingComments.length} en attente)`;
  return `Commentaires : ${plan.counts.comments} publiés, ${waiting}${skipped ? ` ; non importés : ${skipped}` : ""}`;
}

export function reportMarkdown(source: string, plan: Plan, written: Written, dryRun: boolean): string {
  const entries = entriesWithFates(plan, written);
  const summary = summarize(plan, written);
  const section = (title: string, list: ReportEntry[]) =>
    list.length === 0 ? [] : [`## ${title} (${list.length})`, "", ...list.flatMap((e) => [`- ${e.label}`, ...e.notes.map((n) => `  - ${n}`)]), ""];
  return [
    `# Import WordPress : ${source}`,
    "",
    dryRun ? "Essai (--dry-run) : rien n’a été écrit." : "",
    "",
    summaryLine(summary, written, dryRun).replace(/\n/g, "  \n"),
    "",
    commentsLine(plan, plan.pendingComments.length, true),
    "",
    ...section("Retenus : à revoir avant publication", entries.filter((e) => e.outcome === "held")),
    ...section("Importés avec une remarque", entries.filter((e) => e.outcome === "imported" && e.notes.length > 0)),
    ...section("Ignorés", entries.filter((e) => e.outcome === "skipped")),
    ...(plan.skippedTypes.size === 0
      ? []
      : [
          "## Autres éléments de l’export, non importés",
          "",
          ...[...plan.skippedTypes].sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => `- ${type} : ${n}${type === "attachment" ? " (fichiers joints : leurs images sont copiées à côté des articles qui les montrent)" : ""}`),
          "",
        ]),
  ]
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}
