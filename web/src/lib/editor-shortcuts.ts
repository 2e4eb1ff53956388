/** The content page's shortcuts: what the `?` dialog lists and what `aria-keyshortcuts` announces, in one place. */
export const EDITOR_SHORTCUTS = [
  { id: 'save', code: 'KeyS', mod: true, keys: ['Ctrl/⌘', 'S'], aria: 'Control+S Meta+S' },
  { id: 'edit', code: 'KeyE', keys: ['E'], aria: 'E' },
  { id: 'approve', code: 'KeyA', keys: ['A'], aria: 'A' },
  { id: 'reject', code: 'KeyR', keys: ['R'], aria: 'R' },
  { id: 'help', code: '?', keys: ['?'], aria: '?' },
] as const;

export type EditorShortcutId = (typeof EDITOR_SHORTCUTS)[number]['id'];

export function shortcutOf(id: EditorShortcutId) {
  return EDITOR_SHORTCUTS.find((shortcut) => shortcut.id === id)!;
}
