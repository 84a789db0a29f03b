// Where editors' content lives. Tests point this at fixture trees; everything else uses the default.
export const contentDir: string = process.env.POULS_CONTENT_DIR ?? "content";
