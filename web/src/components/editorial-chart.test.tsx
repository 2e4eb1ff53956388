import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DecisionBars } from './editorial-chart';

const names = { approved: 'تأیید', rejected: 'رد' };

function bars(container: HTMLElement, field: string): { left: number; right: number; height: number; title: string }[] {
  return [...container.querySelectorAll(`[data-testid="decision-bar-${field}"]`)].map((bar) => {
    const left = Number(bar.getAttribute('x'));
    return { left, right: left + Number(bar.getAttribute('width')), height: Number(bar.getAttribute('height')), title: bar.querySelector('title')?.textContent ?? '' };
  });
}

describe('DecisionBars', () => {
  const points = [
    { label: 'پروژه نوروز', approved: 3, rejected: 1 },
    { label: 'gpt-4o', approved: 0, rejected: 2 },
  ];

  it('draws a pair per group, the first group rightmost, approvals on the right of each pair', () => {
    const { container } = render(<DecisionBars points={points} width={600} names={names} />);
    const [approvedFirst, approvedSecond] = bars(container, 'approved');
    const [rejectedFirst, rejectedSecond] = bars(container, 'rejected');
    expect(approvedFirst!.left).toBeGreaterThan(approvedSecond!.right);
    expect(approvedFirst!.left).toBeGreaterThanOrEqual(rejectedFirst!.right);
    expect(rejectedFirst!.left).toBeGreaterThan(approvedSecond!.right);
    expect(rejectedSecond!.right).toBeLessThanOrEqual(approvedSecond!.left);
  });

  it('titles each bar with its group, series and count in Persian digits', () => {
    const { container } = render(<DecisionBars points={points} width={600} names={names} />);
    expect(bars(container, 'approved').map((bar) => bar.title)).toEqual(['پروژه نوروز — تأیید: ۳', 'gpt-4o — تأیید: ۰']);
    expect(bars(container, 'rejected').map((bar) => bar.title)).toEqual(['پروژه نوروز — رد: ۱', 'gpt-4o — رد: ۲']);
  });

  it('draws heights in proportion to the counts and labels the axis in Persian digits', () => {
    const { container } = render(<DecisionBars points={points} width={600} names={names} />);
    const [approved] = bars(container, 'approved');
    const [rejected, rejectedMore] = bars(container, 'rejected');
    expect(approved!.height).toBeCloseTo(rejected!.height * 3, 5);
    expect(rejectedMore!.height).toBeCloseTo(rejected!.height * 2, 5);
    expect(bars(container, 'approved')[1]!.height).toBe(0);
    const ticks = [...container.querySelectorAll('.visx-axis-right text')].map((node) => node.textContent);
    expect(ticks.join('')).not.toMatch(/[0-9]/);
  });

  it('ticks the count axis at whole numbers only', () => {
    const { container } = render(<DecisionBars points={[{ label: 'خبرنامه', approved: 1, rejected: 1 }]} width={600} names={names} />);
    const ticks = [...container.querySelectorAll('.visx-axis-right text')].map((node) => node.textContent);
    expect(ticks).toEqual(['۰', '۱']);
  });
});
