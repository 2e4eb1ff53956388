import type { GroupLabel } from '@/lib/usage-group-labels';

/** A report group's name isolated from the text around it: identifiers left to right, names by their own text. */
export function GroupName({ label }: { label: GroupLabel }) {
  return <bdi dir={label.dir}>{label.text}</bdi>;
}
