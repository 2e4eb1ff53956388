import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '#libs/ddd';

/**
 * What every paginated list answers, `{items, total, page, limit}`: the response DTO of a list of `Item`s, for `class XPageResponseDto extends
 * PageResponseDto(XResponseDto) {}` (the subclass names the schema in the OpenAPI document).
 * `pageOf(page, XResponseDto.from)` maps a use case's page.
 */
export function PageResponseDto<Item>(item: Type<Item>) {
  class PageOfItems implements Page<Item> {
    @ApiProperty({ type: [item] })
    items!: Item[];

    @ApiProperty({ description: 'How many there are in all' })
    total!: number;

    @ApiProperty({ description: 'The page number, from 1' })
    page!: number;

    @ApiProperty({ description: 'Items per page' })
    limit!: number;
  }
  return PageOfItems;
}

/** A page of views as a page of response DTOs. */
export function pageOf<View, Item>(page: Page<View>, toItem: (view: View) => Item): Page<Item> {
  return { items: page.items.map(toItem), total: page.total, page: page.page, limit: page.limit };
}
