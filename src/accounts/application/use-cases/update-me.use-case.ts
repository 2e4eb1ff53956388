import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/ddd';
import { UserRepository } from '../ports/user.repository';
import { GetMeUseCase, type Me } from './get-me.use-case';

@Injectable()
export class UpdateMeUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly getMe: GetMeUseCase,
  ) {}

  async execute(actor: Actor, input: { name: string }): Promise<Me> {
    const me = await this.getMe.execute(actor);
    me.user.rename(input.name);
    await this.users.save(me.user);
    return me;
  }
}
