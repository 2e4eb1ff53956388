import type { ContentExport } from '../../../application/use-cases/export/content-export';

/**
 * A JSON string is a valid YAML double-quoted scalar: quotes, colons, newlines and Persian text
 * cannot break the front matter.
 */
const yaml = (value: string | number | null): string =>
  value === null ? 'null' : typeof value === 'number' ? String(value) : JSON.stringify(value);

/**
 * Markdown with YAML front matter: title, status, model, current version, dates, and the approval
 * (who, when, which version, the SHA-256 of its body, comment) or rejection (who, when, which
 * version, category, reason). The body follows as written; no versions.
 */
export function contentMarkdown({ content }: Pick<ContentExport, 'content'>): string {
  const review = content.lastReview;
  const lines = [
    '---',
    `title: ${yaml(content.title)}`,
    `status: ${content.status}`,
    `model: ${yaml(content.model)}`,
    `version: ${yaml(content.currentVersion || null)}`,
    `createdBy: ${yaml(content.createdBy)}`,
    `createdAt: ${yaml(content.createdAt.toISOString())}`,
    `updatedAt: ${yaml(content.updatedAt.toISOString())}`,
  ];
  if (review?.decision === 'APPROVED') {
    lines.push(
      'approval:',
      `  approvedBy: ${yaml(review.by)}`,
      `  approvedAt: ${yaml(review.at.toISOString())}`,
      `  approvedVersion: ${yaml(review.version ?? null)}`,
      `  bodySha256: ${yaml(review.bodySha256 ?? null)}`,
      `  comment: ${yaml(review.note)}`,
    );
  } else if (review?.decision === 'REJECTED') {
    lines.push(
      'rejection:',
      `  rejectedBy: ${yaml(review.by)}`,
      `  rejectedAt: ${yaml(review.at.toISOString())}`,
      `  rejectedVersion: ${yaml(review.version ?? null)}`,
      `  category: ${review.category ?? 'OTHER'}`,
      `  reason: ${yaml(review.note)}`,
    );
  }
  lines.push(
    `personalData: ${
      content.pii.found
        ? content.pii.findings
            .map((finding) => finding.type)
            .filter((type, i, all) => all.indexOf(type) === i)
            .join(', ') || 'found'
        : 'none found'
    }`,
  );
  lines.push('---', '');
  return `${lines.join('\n')}\n${content.body ?? ''}\n`;
}
