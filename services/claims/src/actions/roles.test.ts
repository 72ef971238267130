import { rolesFor } from './actions.service';

// Who may record what, written out from the program: the claim is run by its case manager and team
// leader; a reviewer completes a review (program s9); terminating weekly payments for
// non-participation is a team leader's decision (program s5); payment clocks are kept by the
// payments service, never by staff over HTTP.
describe('who may record an action', () => {
  it.each([
    ['contact.made', ['case-manager', 'team-leader']],
    ['liability.accepted', ['case-manager', 'team-leader']],
    ['treatment.approved', ['case-manager', 'team-leader']],
    ['weekly.discontinued', ['case-manager', 'team-leader']],
    ['review.completed', ['reviewer', 'team-leader']],
    ['obligation.waived', ['team-leader']],
    ['s48a.terminated', ['team-leader']],
    ['earnings.reported', ['case-manager', 'team-leader', 'payments-officer']],
    ['certificate.received', ['case-manager', 'team-leader']],
    ['payment-clock.started', []],
    ['payment-clock.met', []],
    ['payment-clock.stopped', []],
  ] as const)('%s: %j', (type, roles) => {
    expect([...rolesFor(type)].sort()).toEqual([...roles].sort());
  });
});
