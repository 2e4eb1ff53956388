import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useShortcuts, type Shortcut } from './use-shortcuts';

function Page({ shortcuts }: { shortcuts: Shortcut[] }) {
  useShortcuts(shortcuts);
  return (
    <div>
      <textarea aria-label="body" />
      <input aria-label="title" />
      <input type="checkbox" aria-label="mine" />
      <div contentEditable aria-label="rich" suppressContentEditableWarning />
      <button type="button">ok</button>
    </div>
  );
}

afterEach(cleanup);

const setup = (extra: Partial<Record<'save' | 'approve' | 'reject' | 'help', boolean>> = {}) => {
  const runs = { save: vi.fn(), approve: vi.fn(), reject: vi.fn(), help: vi.fn() };
  const view = render(
    <Page
      shortcuts={[
        { code: 'KeyS', mod: true, enabled: extra.save ?? true, run: runs.save },
        { code: 'KeyA', enabled: extra.approve ?? true, run: runs.approve },
        { code: 'KeyR', enabled: extra.reject ?? true, run: runs.reject },
        { code: '?', run: runs.help },
      ]}
    />,
  );
  return { runs, ...view };
};

describe('useShortcuts', () => {
  it('matches the physical key, so a Persian layout (ش for A, ق for R) works as a Latin one', () => {
    const { runs } = setup();
    fireEvent.keyDown(document.body, { key: 'ش', code: 'KeyA' });
    fireEvent.keyDown(document.body, { key: 'a', code: 'KeyA' });
    fireEvent.keyDown(document.body, { key: 'ق', code: 'KeyR' });
    expect(runs.approve).toHaveBeenCalledTimes(2);
    expect(runs.reject).toHaveBeenCalledTimes(1);
    // A layout that puts «a» on another key does not approve by the character.
    fireEvent.keyDown(document.body, { key: 'a', code: 'KeyQ' });
    expect(runs.approve).toHaveBeenCalledTimes(2);
  });

  it('opens the help with ?, with «؟» and with Shift+Slash', () => {
    const { runs } = setup();
    fireEvent.keyDown(document.body, { key: '?', code: 'Slash', shiftKey: true });
    fireEvent.keyDown(document.body, { key: '؟', code: 'Slash', shiftKey: true });
    fireEvent.keyDown(document.body, { key: 'Dead', code: 'Slash', shiftKey: true });
    expect(runs.help).toHaveBeenCalledTimes(3);
    fireEvent.keyDown(document.body, { key: '/', code: 'Slash' });
    expect(runs.help).toHaveBeenCalledTimes(3);
  });

  it('ignores single keys while typing in a text field, a textarea or a contenteditable, but not on a checkbox', () => {
    const { runs, getByLabelText } = setup();
    fireEvent.keyDown(getByLabelText('body'), { key: 'ش', code: 'KeyA' });
    fireEvent.keyDown(getByLabelText('title'), { key: 'r', code: 'KeyR' });
    fireEvent.keyDown(getByLabelText('rich'), { key: '?', code: 'Slash', shiftKey: true });
    expect(runs.approve).not.toHaveBeenCalled();
    expect(runs.reject).not.toHaveBeenCalled();
    expect(runs.help).not.toHaveBeenCalled();
    fireEvent.keyDown(getByLabelText('mine'), { key: 'a', code: 'KeyA' });
    expect(runs.approve).toHaveBeenCalledTimes(1);
  });

  it('saves with Ctrl+S or ⌘+S even inside the textarea, on a Persian layout too, and stops the browser saving the page', () => {
    const { runs, getByLabelText } = setup();
    const event = new KeyboardEvent('keydown', { key: 'س', code: 'KeyS', ctrlKey: true, bubbles: true, cancelable: true });
    getByLabelText('body').dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    fireEvent.keyDown(document.body, { key: 's', code: 'KeyS', metaKey: true });
    expect(runs.save).toHaveBeenCalledTimes(2);
    // S alone is not save.
    fireEvent.keyDown(document.body, { key: 's', code: 'KeyS' });
    expect(runs.save).toHaveBeenCalledTimes(2);
  });

  it('does nothing while a dialog is open, or for a shortcut that is not enabled, or with Ctrl held on a letter', () => {
    const { runs } = setup({ approve: false, save: false });
    fireEvent.keyDown(document.body, { key: 'a', code: 'KeyA' });
    const event = new KeyboardEvent('keydown', { key: 's', code: 'KeyS', ctrlKey: true, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    fireEvent.keyDown(document.body, { key: 'r', code: 'KeyR', ctrlKey: true });
    expect(runs.approve).not.toHaveBeenCalled();
    expect(runs.save).not.toHaveBeenCalled();
    expect(runs.reject).not.toHaveBeenCalled();
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.append(dialog);
    fireEvent.keyDown(document.body, { key: 'r', code: 'KeyR' });
    fireEvent.keyDown(document.body, { key: '؟', code: 'Slash', shiftKey: true });
    dialog.remove();
    expect(runs.reject).not.toHaveBeenCalled();
    expect(runs.help).not.toHaveBeenCalled();
  });
});
