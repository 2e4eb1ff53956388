import { describe, expect, it } from 'vitest';
import { annotatedSegments, paragraphDirection, selectionRange, textOffsetWithin, sentenceRanges } from './comment-ranges';

/** A body rendered in pieces (as CommentedText renders it: spans and marks), nested one level. */
function renderPieces(pieces: (string | string[])[]): HTMLDivElement {
  const root = document.createElement('div');
  for (const piece of pieces) {
    const element = document.createElement(Array.isArray(piece) ? 'mark' : 'span');
    for (const text of Array.isArray(piece) ? piece : [piece]) {
      const inner = document.createElement('span');
      inner.textContent = text;
      element.append(inner);
    }
    root.append(element);
  }
  document.body.replaceChildren(root);
  return root;
}

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Selection {
  const selection = document.getSelection()!;
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

const textNodes = (root: Node): Text[] => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
};

describe('selection to UTF-16 offsets', () => {
  const body = 'سلام 🙂 دنیا، این متن کتاب‌ها را می‌خواند. GPT-4.1 mini';

  it('counts code units across emoji and zero-width non-joiners, through nested elements', () => {
    const root = renderPieces(['سلام 🙂 ', ['دنیا، این ', 'متن'], ' کتاب‌ها را می‌خواند. GPT-4.1 mini']);
    const [, , , last] = textNodes(root);
    const quote = 'کتاب‌ها را';
    const at = body.indexOf(quote);
    const offsetInLast = at - (body.indexOf(' کتاب‌ها'));
    const range = selectionRange(root, select(last!, offsetInLast, last!, offsetInLast + quote.length), body);
    expect(range).toEqual({ start: at, end: at + quote.length });
    expect(body.slice(range!.start, range!.end)).toBe(quote);
  });

  it('maps a selection that spans several elements and an element boundary point', () => {
    const root = renderPieces(['سلام 🙂 ', ['دنیا، این ', 'متن'], ' کتاب‌ها را می‌خواند. GPT-4.1 mini']);
    const [first] = textNodes(root);
    // From inside the first text to the end of the mark (a boundary point on an element).
    const mark = root.querySelector('mark')!;
    const range = selectionRange(root, select(first!, 5, mark, mark.childNodes.length), body);
    expect(body.slice(range!.start, range!.end)).toBe('🙂 دنیا، این متن');
    expect(textOffsetWithin(root, root, root.childNodes.length)).toBe(body.length);
  });

  it('never cuts an emoji in half and ignores selections outside the body or empty ones', () => {
    const root = renderPieces([body]);
    const [text] = textNodes(root);
    const emoji = body.indexOf('🙂');
    expect(selectionRange(root, select(text!, emoji + 1, text!, emoji + 4), body)).toEqual({ start: emoji, end: emoji + 4 });
    expect(selectionRange(root, select(text!, 0, text!, emoji + 1), body)).toEqual({ start: 0, end: emoji + 2 });
    expect(selectionRange(root, select(text!, 3, text!, 3), body)).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'بیرون';
    document.body.append(outside);
    expect(selectionRange(root, select(outside.firstChild!, 0, outside.firstChild!, 3), body)).toBeNull();
  });
});

describe('annotatedSegments', () => {
  const text = 'تماس: a@b.ir و متن مورد نظر اینجا.';
  const email = { type: 'EMAIL', start: text.indexOf('a@b.ir'), end: text.indexOf('a@b.ir') + 6 };

  it('keeps one piece per finding and cuts pieces where comments start and end, overlapping ones included', () => {
    const c1 = { id: 'c1', start: text.indexOf('b.ir'), end: text.indexOf(' مورد'), resolved: false };
    const c2 = { id: 'c2', start: text.indexOf('متن'), end: text.indexOf(' اینجا'), resolved: true };
    const segments = annotatedSegments(text, [email], [c1, c2]);
    expect(segments.map((s) => s.pieces.map((p) => p.text).join('')).join('')).toBe(text);
    expect(segments.filter((s) => s.pii)).toEqual([
      {
        pii: 'EMAIL',
        text: 'a@b.ir',
        pieces: [
          { text: 'a@', comments: [], resolved: false },
          { text: 'b.ir', comments: ['c1'], resolved: false },
        ],
      },
    ]);
    const pieces = segments.flatMap((s) => s.pieces).filter((p) => p.comments.length > 0);
    expect(pieces.map((p) => [p.text, p.comments, p.resolved])).toEqual([
      ['b.ir', ['c1'], false],
      [' و ', ['c1'], false],
      ['متن', ['c1', 'c2'], false],
      [' مورد نظر', ['c2'], true],
    ]);
  });

  it('skips ranges outside the text or empty', () => {
    const segments = annotatedSegments('abc', [], [
      { id: 'x', start: 2, end: 9, resolved: false },
      { id: 'y', start: 1, end: 1, resolved: false },
    ]);
    expect(segments).toEqual([{ text: 'abc', pieces: [{ text: 'abc', comments: [], resolved: false }] }]);
  });
});

describe('paragraphDirection', () => {
  const text = 'English first line.\nمدل GPT-4.1 mini را پیشنهاد می‌کنیم.\n🙂 123';

  it('takes the first strong letter of the line that holds the offset', () => {
    expect(paragraphDirection(text, 3)).toBe('ltr');
    expect(paragraphDirection(text, text.indexOf('GPT'))).toBe('rtl');
    expect(paragraphDirection(text, text.indexOf('🙂'))).toBe('auto');
  });
});

describe('sentenceRanges', () => {
  it('cuts at sentence ends and line breaks, keeping «GPT-4.1» whole and leaving spaces out', () => {
    const text = 'بند اول دربارهٔ گوشی آوا ۵ است. مدل GPT-4.1 mini را پیشنهاد می‌کنیم؟ بله!\nEnglish line  \n\nپایان';
    expect(sentenceRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(['بند اول دربارهٔ گوشی آوا ۵ است.', 'مدل GPT-4.1 mini را پیشنهاد می‌کنیم؟', 'بله!', 'English line', 'پایان']);
  });
});
