import { Phone } from '#libs/ddd';
import { User } from '../../domain/user';
import { type UserEntity } from './user.entity';

export const UserMapper = {
  toDomain(row: UserEntity): User {
    return User.restore({ id: row.id, phone: Phone.parse(row.phone), name: row.name, createdAt: row.createdAt });
  },
  toPersistence(user: User): Partial<UserEntity> {
    return { id: user.id, phone: user.phone.e164, name: user.name };
  },
};
