import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { managerOf } from '#libs/database';
import type { Phone } from '#libs/ddd';
import { UserRepository } from '../../application/ports/user.repository';
import type { User } from '../../domain/user';
import { UserEntity } from './user.entity';
import { UserMapper } from './user.mapper';

@Injectable()
export class TypeOrmUserRepository extends UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /** The transaction's around the call (a UnitOfWork run), else the pool's. */
  private get rows() {
    return managerOf(this.dataSource).getRepository(UserEntity);
  }

  async findById(id: string): Promise<User | undefined> {
    const row = await this.rows.findOneBy({ id });
    return row ? UserMapper.toDomain(row) : undefined;
  }

  async findByPhone(phone: Phone): Promise<User | undefined> {
    const row = await this.rows.findOneBy({ phone: phone.e164 });
    return row ? UserMapper.toDomain(row) : undefined;
  }

  async findOrCreateByPhone(phone: Phone): Promise<{ user: User; created: boolean }> {
    const inserted = (await this.rows.query(
      'INSERT INTO users (phone) VALUES ($1) ON CONFLICT (phone) DO NOTHING RETURNING id',
      [phone.e164],
    )) as unknown[];
    const row = await this.rows.findOneByOrFail({ phone: phone.e164 });
    return { user: UserMapper.toDomain(row), created: inserted.length > 0 };
  }

  async save(user: User): Promise<void> {
    await this.rows.update({ id: user.id }, { name: user.name });
  }
}
