import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { trim } from '#libs/http';
import { PROJECT_LIMITS, type ProjectState } from '../../../domain/project';
import { Optional } from './validators';

export class CreateProjectDto {
  @ApiProperty({ example: 'کمپین نوروز ۱۴۰۵', maxLength: PROJECT_LIMITS.name })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROJECT_LIMITS.name)
  name!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'متن‌های تبلیغاتی فروش ویژهٔ نوروز',
    maxLength: PROJECT_LIMITS.description,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(PROJECT_LIMITS.description)
  description?: string | null;
}

export class UpdateProjectDto {
  @ApiPropertyOptional({ maxLength: PROJECT_LIMITS.name })
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROJECT_LIMITS.name)
  name?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'null or "" clears it',
    maxLength: PROJECT_LIMITS.description,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(PROJECT_LIMITS.description)
  description?: string | null;
}

export class ProjectResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ format: 'uuid' })
  workspaceId!: string;

  name!: string;

  description!: string | null;

  @ApiProperty({ format: 'uuid' })
  createdBy!: string;

  createdAt!: string;

  updatedAt!: string;

  static from(project: ProjectState): ProjectResponseDto {
    return {
      id: project.id,
      organizationId: project.organizationId,
      workspaceId: project.workspaceId,
      name: project.name,
      description: project.description,
      createdBy: project.createdBy,
      createdAt: project.createdAt.toISOString(),
      updatedAt: project.updatedAt.toISOString(),
    };
  }
}
