// The footer's light / dark / auto switch. The choice is kept in localStorage under THEME_KEY and
// applied as data-theme on <html>; the inline script at the top of every page (src/layouts/Base.astro)
// applies it again before the first paint of the next page, so that no page flashes the other scheme.
export const THEME_KEY = "pouls-theme";

type Choice = "auto" | "light" | "dark";

function stored(): Choice {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === "light" || value === "dark" ? value : "auto";
  } catch {
    // Storage refused (a private mode, a policy): the choice lasts for this page only.
    return "auto";
  }
}

export function connectThemeSwitch(box: HTMLElement): void {
  const select = box.querySelector("select");
  if (!select) return;
  select.value = stored();
  select.addEventListener("change", () => {
    const choice = select.value as Choice;
    const root = document.documentElement;
    if (choice === "auto") delete root.dataset.theme;
    else root.dataset.theme = choice;
    try {
      if (choice === "auto") localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, choice);
    } catch {
      // As above: applied to this page, not remembered.
    }
  });
  box.hidden = false;
}
