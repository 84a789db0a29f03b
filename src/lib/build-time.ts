// The moment a build shows the site as of. Scheduled articles, age notices and the footer's year
// depend on it; POULS_BUILD_TIME lets an editor preview the site of a coming day, and lets tests
// build "tomorrow" without waiting for it.

/** Now, or the time POULS_BUILD_TIME names (AAAA-MM-JJ, or a full ISO 8601 time). */
export function buildTime(env: NodeJS.ProcessEnv = process.env): Date {
  const asked = env.POULS_BUILD_TIME?.trim();
  if (!asked) return new Date();
  const at = new Date(asked);
  if (!/^\d{4}-\d{2}-\d{2}/.test(asked) || Number.isNaN(at.getTime())) {
    throw new Error(
      `POULS_BUILD_TIME : « ${asked} » n’est pas une date. Attendu : AAAA-MM-JJ, par ex. 2026-12-24, ou une heure ISO 8601 complète, par ex. 2026-12-24T08:00:00+01:00.`,
    );
  }
  return at;
}
