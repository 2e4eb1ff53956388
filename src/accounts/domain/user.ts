import { type Phone } from '#libs/ddd';

export interface UserState {
  id: string;
  phone: Phone;
  name: string | null;
  createdAt: Date;
}

export class User {
  private constructor(private state: UserState) {}

  static create(input: { id: string; phone: Phone; name?: string | null; now: Date }): User {
    return new User({ id: input.id, phone: input.phone, name: input.name?.trim() || null, createdAt: input.now });
  }

  static restore(state: UserState): User {
    return new User({ ...state });
  }

  get id(): string {
    return this.state.id;
  }

  get phone(): Phone {
    return this.state.phone;
  }

  get name(): string | null {
    return this.state.name;
  }

  get createdAt(): Date {
    return this.state.createdAt;
  }

  rename(name: string): void {
    this.state.name = name.trim() || null;
  }
}
