import { describe, expect, it } from 'vitest';
import { SseParser } from './sse';

describe('SseParser', () => {
  it('parses events split across chunks and ignores comments', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\nid: 1\nevent: delta\ndata: {"text":"سل')).toEqual([]);
    expect(parser.push('ام"}\n\nevent: status\ndata: {"status":"REVIEW"}\n\n')).toEqual([
      { event: 'delta', data: { text: 'سلام' } },
      { event: 'status', data: { status: 'REVIEW' } },
    ]);
  });
});
