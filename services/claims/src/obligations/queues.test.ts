import { ForbiddenException } from '@nestjs/common';
import { whose } from './queues.controller';

describe('whose work queue a request shows', () => {
  it("is the caller's own when none is named or their own is", () => {
    expect(whose({ user: 'cm.ana', role: 'case-manager' }, undefined)).toBe('cm.ana');
    expect(whose({ user: 'cm.ana', role: 'case-manager' }, 'cm.ana')).toBe('cm.ana');
  });

  it("is another person's for a team leader or an administrator", () => {
    expect(whose({ user: 'tl.ben', role: 'team-leader' }, 'cm.ana')).toBe('cm.ana');
    expect(whose({ user: 'root', role: 'admin' }, 'cm.ana')).toBe('cm.ana');
  });

  it("is refused (403) for a case manager asking for another's", () => {
    expect(() => whose({ user: 'cm.ana', role: 'case-manager' }, 'cm.cal')).toThrow(new ForbiddenException('role case-manager may only see its own queue'));
  });
});
