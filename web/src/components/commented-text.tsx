import { annotatedSegments, type CommentedPiece, type CommentHighlight, type PiiRange } from '@/lib/comment-ranges';
import { fa } from '@/messages/fa';

/**
 * The body with its PII findings marked as PiiText marks them, and the comments' anchored ranges
 * highlighted. Each paragraph takes its own direction (`unicode-bidi: plaintext` on a `dir="auto"`
 * block), so a Persian paragraph reads right to left and an English one left to right. The
 * highlights themselves do not isolate (`unicode-bidi: normal`): a highlight that starts inside
 * a Latin phrase of a Persian sentence must not move the words it covers, so the highlighted text
 * lies exactly where the same text unhighlighted would.
 */
export function CommentedText({
  text,
  findings,
  highlights,
  activeId,
  bodyRef,
}: {
  text: string;
  findings: PiiRange[];
  highlights: CommentHighlight[];
  activeId?: string | null;
  bodyRef?: React.Ref<HTMLDivElement>;
}) {
  const piece = (p: CommentedPiece, index: number) =>
    p.comments.length === 0 ? (
      <span key={index}>{p.text}</span>
    ) : (
      <mark
        key={index}
        data-comment-ids={p.comments.join(' ')}
        data-resolved={p.resolved ? 'true' : undefined}
        className={`rounded-sm text-inherit [unicode-bidi:normal] ${p.resolved ? 'bg-slate-100 underline decoration-slate-300 decoration-dotted' : 'bg-sky-100 underline decoration-sky-500 decoration-2'} ${activeId && p.comments.includes(activeId) ? 'outline outline-2 outline-sky-600' : ''}`}
      >
        {p.text}
      </mark>
    );
  return (
    <div ref={bodyRef} dir="auto" className="whitespace-pre-wrap leading-8 [unicode-bidi:plaintext]" data-testid="content-body">
      {annotatedSegments(text, findings, highlights).map((segment, index) =>
        segment.pii ? (
          <mark
            key={index}
            data-pii={segment.pii}
            data-pii-label={fa.pii[segment.pii] ?? segment.pii}
            title={fa.pii[segment.pii] ?? segment.pii}
            aria-label={`${fa.pii[segment.pii] ?? segment.pii}: ${segment.text}`}
          >
            {segment.pieces.map(piece)}
          </mark>
        ) : (
          <span key={index}>{segment.pieces.map(piece)}</span>
        ),
      )}
    </div>
  );
}
