import { ContentBusyError, requireText } from './content.errors';

export const PROJECT_LIMITS = { name: 200, description: 2_000 } as const;

export interface ProjectState {
  id: string;
  organizationId: string;
  workspaceId: string;
  name: string;
  description: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A folder of contents inside a workspace. */
export class Project {
  private constructor(private state: ProjectState) {}

  static create(input: {
    id: string;
    organizationId: string;
    workspaceId: string;
    name: string;
    description?: string | null;
    createdBy: string;
    now: Date;
  }): Project {
    return new Project({
      id: input.id,
      organizationId: input.organizationId,
      workspaceId: input.workspaceId,
      name: requireText('name', input.name, PROJECT_LIMITS.name),
      description: optionalDescription(input.description),
      createdBy: input.createdBy,
      createdAt: input.now,
      updatedAt: input.now,
    });
  }

  static restore(state: ProjectState): Project {
    return new Project({ ...state });
  }

  get id(): string {
    return this.state.id;
  }

  snapshot(): ProjectState {
    return { ...this.state };
  }

  /** `description: null` (or blank) clears it; an absent field is left as it is. */
  revise(change: { name?: string; description?: string | null }, now: Date): void {
    if (change.name !== undefined) this.state.name = requireText('name', change.name, PROJECT_LIMITS.name);
    if (change.description !== undefined) this.state.description = optionalDescription(change.description);
    this.state.updatedAt = now;
  }
}

function optionalDescription(description: string | null | undefined): string | null {
  if (description === null || description === undefined || !description.trim()) return null;
  return requireText('description', description, PROJECT_LIMITS.description);
}

/** A project cannot be deleted while one of its contents is being generated (its job would lose its content). */
export function assertProjectDeletable(contents: { id: string; status: string }[]): void {
  const busy = contents.find((content) => content.status === 'IN_PROGRESS');
  if (busy)
    throw new ContentBusyError(
      { contentId: busy.id },
      'A content of this project is being generated; delete the project when the generation has finished',
    );
}
