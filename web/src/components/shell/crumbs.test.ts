import { describe, expect, it } from 'vitest';
import { crumbsOf } from './crumbs';
import { routeOf } from './route';

const organization = { id: 'o1', name: 'نشر آوا ACME' };
const workspace = { id: 'w1', name: 'تحریریه Q4' };
const project = { id: 'p1', name: 'کمپین Black Friday' };
const trail = (path: string, branch = {}) => crumbsOf(routeOf(path), branch).map(({ label, href }) => (href ? `${label} → ${href}` : `${label}`));

describe('routeOf', () => {
  it('reads each dashboard page from its pathname', () => {
    expect(routeOf('/')).toEqual({ kind: 'home' });
    expect(routeOf('/organizations/o1/usage')).toEqual({ kind: 'organization', organizationId: 'o1', section: 'usage' });
    expect(routeOf('/organizations/o1/settings/content-policy')).toEqual({ kind: 'organization', organizationId: 'o1', section: 'settings/content-policy' });
    expect(routeOf('/workspaces/w1/prompts')).toEqual({ kind: 'prompts', workspaceId: 'w1' });
    expect(routeOf('/projects/p1')).toEqual({ kind: 'project', projectId: 'p1' });
    expect(routeOf('/contents/c1')).toEqual({ kind: 'content', contentId: 'c1' });
    expect(routeOf('/reviews')).toEqual({ kind: 'reviews' });
    expect(routeOf('/settings/security')).toEqual({ kind: 'security' });
    expect(routeOf('/organizations/o1')).toEqual({ kind: 'other' });
  });
});

describe('crumbsOf', () => {
  it('has none on the home page', () => {
    expect(trail('/')).toEqual([]);
  });

  it('names an organization page: organization › section', () => {
    expect(trail('/organizations/o1/usage', { organization })).toEqual(['خانه → /', 'نشر آوا ACME → /?org=o1', 'مصرف']);
    expect(trail('/organizations/o1/audit-log', { organization })).toEqual(['خانه → /', 'نشر آوا ACME → /?org=o1', 'گزارش رویدادها']);
  });

  it('puts a settings page below the settings', () => {
    expect(trail('/organizations/o1/settings/glossary', { organization })).toEqual(['خانه → /', 'نشر آوا ACME → /?org=o1', 'تنظیمات → /organizations/o1/settings', 'واژه‌نامه']);
  });

  it('names the prompts page: organization › workspace › prompts', () => {
    expect(trail('/workspaces/w1/prompts', { organization, workspace })).toEqual(['خانه → /', 'نشر آوا ACME → /?org=o1', 'تحریریه Q4 → /?org=o1&workspace=w1', 'پرامپت‌ها']);
  });

  it('names a project page: organization › workspace › project', () => {
    expect(trail('/projects/p1', { organization, workspace, project })).toEqual(['خانه → /', 'نشر آوا ACME → /?org=o1', 'تحریریه Q4 → /?org=o1&workspace=w1', 'کمپین Black Friday']);
  });

  it('names a content page: organization › workspace › project › content, the project a link', () => {
    const content = { id: 'c1', name: 'معرفی گوشی Ava 5' };
    expect(trail('/contents/c1', { organization, workspace, project, content })).toEqual([
      'خانه → /',
      'نشر آوا ACME → /?org=o1',
      'تحریریه Q4 → /?org=o1&workspace=w1',
      'کمپین Black Friday → /projects/p1',
      'معرفی گوشی Ava 5',
    ]);
  });

  it('leaves a name undefined while it is read', () => {
    expect(crumbsOf(routeOf('/projects/p1'), { project: { id: 'p1' } }).at(-1)).toEqual({ key: 'project', label: undefined, userText: true });
  });

  it('names the inbox and the account’s security page', () => {
    expect(trail('/reviews')).toEqual(['خانه → /', 'بررسی‌ها']);
    expect(trail('/settings/security')).toEqual(['خانه → /', 'امنیت حساب']);
  });
});
