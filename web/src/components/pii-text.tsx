import { piiSegments, type PiiFinding } from '@/lib/pii-segments';
import { fa } from '@/messages/fa';

/**
 * The body with each finding marked and named in Persian (a tag drawn by CSS from data-pii-label, so
 * copying the text does not copy the names); the text keeps its own direction.
 */
export function PiiText({ text, findings }: { text: string; findings: PiiFinding[] }) {
  return (
    <div dir="auto" className="whitespace-pre-wrap leading-8" data-testid="content-body">
      {piiSegments(text, findings).map((segment, index) =>
        segment.pii ? (
          <mark
            key={index}
            data-pii={segment.pii}
            data-pii-label={fa.pii[segment.pii] ?? segment.pii}
            title={fa.pii[segment.pii] ?? segment.pii}
            aria-label={`${fa.pii[segment.pii] ?? segment.pii}: ${segment.text}`}
          >
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </div>
  );
}
