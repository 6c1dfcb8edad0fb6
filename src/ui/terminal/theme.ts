// xterm colour themes for the system's light and dark modes (prefers-color-scheme).
import type { ITheme } from '@xterm/xterm';

export const DARK: ITheme = {
  background: '#1e1e1e',
  foreground: '#d4d4d4',
  cursor: '#d4d4d4',
  cursorAccent: '#1e1e1e',
  selectionBackground: '#264f78',
};

/** Light background; ANSI colours darkened where the defaults are unreadable on white. */
export const LIGHT: ITheme = {
  background: '#ffffff',
  foreground: '#1e1e1e',
  cursor: '#1e1e1e',
  cursorAccent: '#ffffff',
  selectionBackground: '#add6ff',
  black: '#000000',
  red: '#cd3131',
  green: '#007a00',
  yellow: '#949800',
  blue: '#0451a5',
  magenta: '#bc05bc',
  cyan: '#0598bc',
  white: '#555555',
  brightBlack: '#666666',
  brightWhite: '#a5a5a5',
};

export const DARK_QUERY = '(prefers-color-scheme: dark)';

export function themeFor(dark: boolean): ITheme {
  return dark ? DARK : LIGHT;
}
