// The "/" shortcut to the search box. A single-character shortcut must let people turn it off
// (WCAG 2.2, 2.1.4): speech-input users can fire it by saying a word, so the search page offers a
// switch, remembered in localStorage under PREF_KEY.

export const SHORTCUT = "/";
export const PREF_KEY = "pouls.recherche.raccourci";
export const PREF_OFF = "non";

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
}

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
}

const EDITABLE = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/**
 * Whether a keydown is the shortcut. Shift is allowed: "/" is Shift+":" on a French keyboard.
 * A "/" typed into a field is text, never the shortcut.
 */
export function isSearchShortcut(event: KeyLike, target: TargetLike | null, pref: string | null): boolean {
  if (pref === PREF_OFF) return false;
  if (event.key !== SHORTCUT || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.isComposing || event.defaultPrevented) return false;
  if (target && (target.isContentEditable || EDITABLE.has((target.tagName ?? "").toUpperCase()))) return false;
  return true;
}

export function readPref(): string | null {
  try {
    return localStorage.getItem(PREF_KEY);
  } catch {
    // Storage can be blocked (privacy settings): the shortcut then stays on, its default.
    return null;
  }
}

export function writePref(enabled: boolean): void {
  try {
    if (enabled) localStorage.removeItem(PREF_KEY);
    else localStorage.setItem(PREF_KEY, PREF_OFF);
  } catch {
    // Nowhere to remember it: the choice lasts for this page only.
  }
}
