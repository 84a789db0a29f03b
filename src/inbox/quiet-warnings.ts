// node:sqlite prints an ExperimentalWarning on every start; the CLI's output (and --json) should
// not be cluttered with it. Other warnings still show. Must be imported before node:sqlite.
process.removeAllListeners("warning");
process.on("warning", (warning) => {
  if (warning.name === "ExperimentalWarning" && /SQLite/u.test(warning.message)) return;
  console.warn(`${warning.name}: ${warning.message}`);
});
