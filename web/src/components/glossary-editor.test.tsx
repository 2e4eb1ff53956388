import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GlossaryEditor } from './glossary-editor';

const ENTRIES = [
  { term: 'اپلیکیشن', preferred: 'برنامه', forbidden: true },
  { term: 'ایمیل', preferred: null, forbidden: false },
];

describe('GlossaryEditor', () => {
  afterEach(cleanup);

  it('lets an ADMIN add, edit and remove terms and saves the whole list, blank preferred forms as null', () => {
    const onSave = vi.fn();
    render(<GlossaryEditor entries={ENTRIES} canEdit saving={false} error={null} onSave={onSave} />);

    fireEvent.click(screen.getByRole('button', { name: 'افزودن واژه' }));
    const terms = screen.getAllByRole('textbox', { name: 'واژه' });
    fireEvent.change(terms[2]!, { target: { value: '  هوش مصنوعی ' } });
    fireEvent.change(screen.getAllByRole('textbox', { name: 'شکل مرجّح' })[1]!, { target: { value: 'رایانامه' } });
    fireEvent.click(screen.getByRole('button', { name: 'حذف «اپلیکیشن»' }));
    fireEvent.click(screen.getByRole('button', { name: 'ذخیره واژه‌نامه' }));

    expect(onSave).toHaveBeenCalledWith([
      { term: 'ایمیل', preferred: 'رایانامه', forbidden: false },
      { term: 'هوش مصنوعی', preferred: null, forbidden: false },
    ]);
  });

  it('will not save a blank term or a term that repeats another once normalized', () => {
    const onSave = vi.fn();
    render(<GlossaryEditor entries={ENTRIES} canEdit saving={false} error={null} onSave={onSave} />);

    fireEvent.click(screen.getByRole('button', { name: 'افزودن واژه' }));
    expect(screen.getByText('واژه نباید خالی باشد.')).toBeTruthy();
    fireEvent.change(screen.getAllByRole('textbox', { name: 'واژه' })[2]!, { target: { value: 'ايميل' } });
    expect(screen.getByText('این واژه تکراری است.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'ذخیره واژه‌نامه' }) as HTMLButtonElement).disabled).toBe(true);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows other members the glossary without anything to edit', () => {
    render(<GlossaryEditor entries={ENTRIES} canEdit={false} saving={false} error={null} onSave={vi.fn()} />);
    expect(screen.getByText('فقط مدیران سازمان می‌توانند واژه‌نامه را تغییر دهند.')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});
