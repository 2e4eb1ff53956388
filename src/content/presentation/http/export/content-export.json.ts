import type { ContentExport } from '../../../application/use-cases/export/content-export';
import { ContentResponseDto, ContentVersionResponseDto } from '../dto/content.dto';

/** The JSON export of a content: the content as the API shows it, with all its versions. */
export function contentExportJson(
  exported: ContentExport,
): ContentResponseDto & { versions: ContentVersionResponseDto[] } {
  return {
    ...ContentResponseDto.from(exported.content),
    versions: exported.versions.map((version) => ContentVersionResponseDto.from(version)),
  };
}
