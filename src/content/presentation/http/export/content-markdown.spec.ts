import { createHash } from 'node:crypto';
import { makeContentIn } from '../../../../../test/factories/content.factory';
import { toContentView } from '../../../application/ports/content.repository';
import { attachment } from './attachment';
import { contentMarkdown } from './content-markdown';

describe('contentMarkdown', () => {
  it('writes YAML front matter that quotes titles safely, with the approval, then the body', () => {
    const content = makeContentIn('APPROVED', { title: 'عنوان: «ویژه» "نقل‌قول"\nخط دوم' });
    const markdown = contentMarkdown({ content: toContentView(content) });
    const view = toContentView(content);

    expect(
      markdown.startsWith(
        '---\ntitle: "عنوان: «ویژه» \\"نقل‌قول\\"\\nخط دوم"\nstatus: APPROVED\nmodel: "gpt-4.1-mini"\n',
      ),
    ).toBe(true);
    expect(markdown).toContain(
      `approval:\n  approvedBy: "${view.lastReview?.by}"\n  approvedAt: "${view.lastReview?.at.toISOString()}"\n` +
        `  approvedVersion: 1\n  bodySha256: "${createHash('sha256')
          .update(view.body ?? '', 'utf8')
          .digest('hex')}"\n` +
        '  comment: "منتشر شود"\n',
    );
    expect(markdown.endsWith(`---\n\n${view.body}\n`)).toBe(true);
  });

  it('writes the reason of a rejection, and no approval', () => {
    const markdown = contentMarkdown({ content: toContentView(makeContentIn('REJECTED')) });

    expect(markdown).toContain('rejection:\n');
    expect(markdown).toContain('  rejectedVersion: 1\n  category: OTHER\n  reason: "لحن رسمی نیست"\n');
    expect(markdown).not.toContain('approval:');
  });
});

describe('attachment', () => {
  it('gives an ASCII fallback and the Persian name encoded per RFC 5987', () => {
    expect(attachment('گزارش / فروش', 'content-1', 'md')).toBe(
      `attachment; filename="content-1.md"; filename*=UTF-8''${encodeURIComponent('گزارش فروش.md')}`,
    );
  });
});
