import type { Phone } from '#libs/ddd';
import type { User } from '../../domain/user';

export abstract class UserRepository {
  abstract findById(id: string): Promise<User | undefined>;
  abstract findByPhone(phone: Phone): Promise<User | undefined>;
  /** Returns the user with this phone, creating it when the phone is new; safe under concurrent calls. */
  abstract findOrCreateByPhone(phone: Phone): Promise<{ user: User; created: boolean }>;
  abstract save(user: User): Promise<void>;
}
