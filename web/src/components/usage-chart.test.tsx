import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UsageBars } from './usage-chart';

function bars(container: HTMLElement): { left: number; right: number; height: number; title: string }[] {
  return [...container.querySelectorAll('[data-testid="usage-bar"]')].map((bar) => {
    const left = Number(bar.getAttribute('x'));
    return { left, right: left + Number(bar.getAttribute('width')), height: Number(bar.getAttribute('height')), title: bar.querySelector('title')?.textContent ?? '' };
  });
}

describe('UsageBars', () => {
  const points = [
    { label: 'gpt-4.1-mini', tokens: 3000 },
    { label: 'gpt-4.1', tokens: 1000 },
  ];

  it('draws one bar per group, the first group rightmost, each titled with its tokens in Persian digits', () => {
    const { container } = render(<UsageBars points={points} width={600} />);
    const [first, second, ...rest] = bars(container);
    expect(rest).toEqual([]);
    expect(first!.left).toBeGreaterThan(second!.right);
    expect([first!.title, second!.title]).toEqual(['gpt-4.1-mini: ۳٬۰۰۰', 'gpt-4.1: ۱٬۰۰۰']);
  });

  it('keeps bars at most 48 px wide and labels the token axis in Persian digits', () => {
    const { container } = render(<UsageBars points={points} width={1400} />);
    for (const { left, right } of bars(container)) expect(right - left).toBe(48);
    const ticks = [...container.querySelectorAll('[data-testid="token-axis"] text')].map((node) => node.textContent);
    expect(ticks).toContain('۳٬۰۰۰');
    expect(ticks.join('')).not.toMatch(/[0-9]/);
  });

  it('draws taller bars for more tokens', () => {
    const { container } = render(<UsageBars points={points} width={600} />);
    const [first, second] = bars(container);
    expect(first!.height).toBeGreaterThan(0);
    expect(first!.height).toBeCloseTo(second!.height * 3, 5);
  });

  it('writes each label in its own direction: a model left to right, a Jalali day right to left', () => {
    const { container } = render(<UsageBars points={[{ label: 'gpt-4.1-mini', direction: 'ltr', tokens: 1 }, { label: '۱۶ آذر ۱۴۰۵', tokens: 2 }]} width={600} />);
    const labels = [...container.querySelectorAll('[data-testid="group-axis"] text')].map((node) => [node.textContent, node.getAttribute('direction')]);
    expect(labels).toEqual([
      ['gpt-4.1-mini', 'ltr'],
      ['۱۶ آذر ۱۴۰۵', 'rtl'],
    ]);
  });
});
