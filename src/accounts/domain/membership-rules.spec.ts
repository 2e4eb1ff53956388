import { LastAdminError } from './accounts.errors';
import { assertKeepsAnAdmin } from './membership-rules';

describe('an organization keeps at least one ADMIN', () => {
  it('refuses demoting the last ADMIN', () => {
    expect(() => assertKeepsAnAdmin('ADMIN', 'EDITOR', 1)).toThrow(LastAdminError);
  });

  it('refuses removing the last ADMIN', () => {
    expect(() => assertKeepsAnAdmin('ADMIN', 'REMOVED', 1)).toThrow(
      expect.objectContaining({ code: 'LAST_ADMIN', kind: 'conflict' }),
    );
  });

  it('allows demoting one of two ADMINs', () => {
    expect(() => assertKeepsAnAdmin('ADMIN', 'VIEWER', 2)).not.toThrow();
  });

  it('allows any change to a non-ADMIN', () => {
    expect(() => assertKeepsAnAdmin('EDITOR', 'REMOVED', 1)).not.toThrow();
    expect(() => assertKeepsAnAdmin('VIEWER', 'ADMIN', 1)).not.toThrow();
  });

  it('allows keeping the last ADMIN an ADMIN', () => {
    expect(() => assertKeepsAnAdmin('ADMIN', 'ADMIN', 1)).not.toThrow();
  });
});
