import { GroupName } from '@/components/group-name';
import { formatDuration, formatFigure, formatRate } from '@/lib/editorial-format';
import { formatNumber } from '@/lib/format';
import type { EditorialAnalytics } from '@/lib/types';
import type { GroupLabel } from '@/lib/usage-group-labels';
import { fa } from '@/messages/fa';
import { costPerApproved } from './cost-per-approved';

/** Each group's figures in a row, its name as the row's header. */
export function EditorialGroupsTable({ groups, labelOf }: { groups: EditorialAnalytics['groups']; labelOf: (key: string | null) => GroupLabel }) {
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full text-sm" data-testid="editorial-groups">
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="p-1 text-start">
              {fa.editorial.group}
            </th>
            <th scope="col">{fa.editorial.created}</th>
            <th scope="col">{fa.editorial.generated}</th>
            <th scope="col">{fa.editorial.approved}</th>
            <th scope="col">{fa.editorial.rejected}</th>
            <th scope="col">{fa.editorial.approvalRate}</th>
            <th scope="col">{`${fa.editorial.timeToApproval} (${fa.editorial.median})`}</th>
            <th scope="col">{`${fa.editorial.timeInReview} (${fa.editorial.median})`}</th>
            <th scope="col">{fa.editorial.revisions}</th>
            <th scope="col">{fa.editorial.costPerApproved}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key ?? 'null'} className="border-t border-slate-100 text-center">
              <th scope="row" className="p-1 text-start font-medium">
                <GroupName label={labelOf(group.key)} />
              </th>
              <td>{formatNumber(group.created)}</td>
              <td>{formatNumber(group.generated)}</td>
              <td>{formatNumber(group.approved)}</td>
              <td>{formatNumber(group.rejected)}</td>
              <td>{formatRate(group.approvalRate)}</td>
              <td>{formatDuration(group.timeToApprovalSec.p50)}</td>
              <td>{formatDuration(group.timeInReviewSec.p50)}</td>
              <td>{formatFigure(group.revisionsPerApproved)}</td>
              <td>{costPerApproved(group.costPerApprovedUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
