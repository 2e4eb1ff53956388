import { DomainError } from '#libs/ddd';

export class WebhookUrlInvalidError extends DomainError {
  constructor(message: string) {
    super('WEBHOOK_URL_INVALID', 'invalid', message);
  }
}

/** The URL's host is, or resolves to, a loopback, private, link-local or otherwise internal address. */
export class WebhookTargetForbiddenError extends DomainError {
  constructor() {
    super(
      'WEBHOOK_TARGET_FORBIDDEN',
      'invalid',
      'The URL points to a private, loopback or link-local address; webhooks are delivered to public addresses only',
    );
  }
}
