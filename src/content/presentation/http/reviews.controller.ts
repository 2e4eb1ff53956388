import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageRequest, type Actor } from '#libs/ddd';
import { ApiErrors } from '#libs/http';
import { Authenticated, CurrentActor } from '../../../accounts';
import { ListMyReviewsUseCase } from '../../application/use-cases/reviews/list-my-reviews.use-case';
import { MyReviewsQueryDto, ReviewPageResponseDto } from './dto/review.dto';

@ApiTags('Contents')
@ApiBearerAuth()
@Controller('me/reviews')
export class ReviewsController {
  constructor(private readonly listMine: ListMyReviewsUseCase) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'Your review inbox: contents in REVIEW in every organization where you are ADMIN, longest waiting first',
    description:
      'Any signed-in user; the role is read afresh on every request (a demoted ADMIN sees nothing from that organization on the next one). ' +
      '`waitingSince` is when the content entered REVIEW this time (a completed generation, a restore); ties by content id. ' +
      '`overdue=true` lists only contents whose `reviewDueAt` has passed, `overdue=false` only the others. ' +
      'Paged like every list (`page`, `limit`, default 20, at most 100). ' +
      'An overdue content also raises the webhook `content.review_overdue` (once per due date) and an in-app notification to its organization’s ADMINs.',
  })
  @ApiOkResponse({ type: ReviewPageResponseDto })
  @ApiErrors(400)
  async inbox(@CurrentActor() actor: Actor, @Query() query: MyReviewsQueryDto): Promise<ReviewPageResponseDto> {
    return ReviewPageResponseDto.from(
      await this.listMine.execute(
        actor,
        { organizationId: query.organizationId, overdue: query.overdue },
        pageRequest(query.page, query.limit),
      ),
    );
  }
}
