/**
 * Light, dark or whatever the system says. The choice is kept in this browser (localStorage) and
 * shown as `data-theme` on <html>; the CSS tokens (styles/base.css) do the rest with light-dark().
 */
export type Theme = 'system' | 'light' | 'dark';

const KEY = 'wheelhouse:theme';

export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system'; // storage blocked: follow the system
  }
}

/** Applies a theme to the page; "system" leaves the choice to prefers-color-scheme. */
export function applyTheme(theme: Theme) {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** Keeps and applies the person's choice. */
export function chooseTheme(theme: Theme) {
  try {
    if (theme === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  applyTheme(theme);
}
