import { BusinessCalendar } from '../calendar';
import { OBLIGATIONS, OBLIGATION_TYPES } from './catalogue';
import { dueDate } from './due-date';

const cal = new BusinessCalendar();

describe('obligation catalogue (rules.md §4)', () => {
  it('has every type, each with a source, completion events and a calendar', () => {
    expect(OBLIGATION_TYPES).toHaveLength(24);
    for (const t of OBLIGATION_TYPES) {
      const d = OBLIGATIONS[t];
      expect(d.type).toBe(t);
      expect(d.source.length).toBeGreaterThan(3);
      expect(d.completedBy.length).toBeGreaterThan(0);
      expect(['business-days', 'calendar-days']).toContain(d.calendar);
    }
  });

  it('only initial contact, the IMP, the RTW goal review (rules.md §4 exception) and the s39 notice (§8.4) may open late', () => {
    expect(OBLIGATION_TYPES.filter((t) => OBLIGATIONS[t].canOpenLate)).toEqual([
      'initial-contact.worker',
      'initial-contact.employer',
      'initial-contact.doctor',
      'imp.initial',
      'rtw-goal.review',
      's39.notice',
    ]);
  });
});

describe('due dates, checked by hand against the shared scenarios', () => {
  it.each<[string, Parameters<typeof dueDate>[1], string, string]>([
    ['notification.information-request', { trigger: '2026-03-27' }, '2026-04-01', '3 business days after the trigger'],
    ['initial-contact.doctor', { trigger: '2026-03-31', 'significance-date': '2026-03-31' }, '2026-04-07', '3 business days after the significance-date'],
    // Mon 27 Apr 2026 is a declared holiday (docs/rules.md §1): the 20th business day moves from Thu 30 Apr to Fri 1 May.
    ['imp.initial', { trigger: '2026-03-31', 'significance-date': '2026-03-31' }, '2026-05-01', '20 business days after the significance-date'],
    ['liability.initial', { trigger: '2026-03-03' }, '2026-03-10', '7 days after the trigger, rolled forward to a business day'],
    ['rtw-goal.review', { trigger: '2026-03-31', 'date-of-injury': '2026-03-23' }, '2026-06-22', '13 weeks after the date-of-injury, rolled forward to a business day'],
    ['complaint.acknowledgement', { trigger: '2026-04-02' }, '2026-04-08', '2 business days after the trigger'],
    ['complaint.resolution', { trigger: '2026-04-02', extendedTo: '2026-04-17' }, '2026-04-17', '2 business days after the trigger, or the date it is extended to'],
    ['liability.after-excuse', { trigger: '2026-04-14' }, '2026-04-21', '7 days after the trigger, rolled forward to a business day'],
    ['certificate.renewal', { trigger: '2026-03-05', 'certificate-to': '2026-03-29' }, '2026-03-29', 'on the certificate-to'],
    ['ime.notice', { trigger: '2026-05-01', appointment: '2026-05-20' }, '2026-05-06', '10 business days before the appointment'],
    ['review.internal', { trigger: '2026-05-01' }, '2026-05-15', '14 days after the trigger, rolled forward to a business day'],
    ['case-conference.agenda', { trigger: '2026-05-01', conference: '2026-05-13' }, '2026-05-08', '3 business days before the conference'],
    ['wca.78-weeks', { trigger: '2027-07-05' }, '2027-08-09', '34 days after the trigger, rolled forward to a business day'], // 8 Aug 2027 is a Sunday
    ['wca.biennial', { trigger: '2028-02-29' }, '2030-02-28', '2 years after the trigger, rolled forward to a business day'],
    // docs/rules.md §8, worked by hand: 19-22 May (4), 25-29 May (9), Mon 1 Jun (10).
    ['treatment.acknowledgement', { trigger: '2026-05-18' }, '2026-06-01', '10 business days after the trigger'],
    // 18 May + 21 = Mon 8 Jun 2026, the King's Birthday: rolled to Tue 9 Jun.
    ['treatment.decision', { trigger: '2026-05-18' }, '2026-06-09', '21 days after the trigger, rolled forward to a business day'],
    // The day before the suspension date, a Sunday, and not rolled.
    ['s48a.compliance', { trigger: '2026-07-06', 'suspend-from': '2026-07-27' }, '2026-07-26', '1 day before the suspend-from, not rolled'],
    // Mon 6 Jan 2031 + 84 days = Mon 31 Mar 2031 (Easter 2031 is 13 April).
    ['s39.notice', { trigger: '2031-01-06' }, '2031-03-31', '12 weeks after the trigger, rolled forward to a business day'],
    // Mon 1 Oct 2029 - 91 days = Mon 2 Jul 2029; Sat 6 Oct 2029 - 91 = Sat 7 Jul, moved back to Fri 6 Jul.
    ['s59a.notice', { trigger: '2029-05-07', 'medical-cessation': '2029-10-01' }, '2029-07-02', '13 weeks before the medical-cessation, moved back to a business day'],
    ['s59a.notice', { trigger: '2029-05-07', 'medical-cessation': '2029-10-06' }, '2029-07-06', '13 weeks before the medical-cessation, moved back to a business day'],
  ])('%s', (type, ctx, dueOn, rule) => {
    const d = dueDate(type as never, ctx, cal);
    expect([d.dueOn, d.rule]).toEqual([dueOn, rule]);
    expect(d.source).toBe(OBLIGATIONS[d.type].source);
  });

  it('liability.determination is the later of notification + 21 days and provisional + 12 weeks (s274)', () => {
    const fracture = dueDate('liability.determination', { trigger: '2026-03-05', 'notification-date': '2026-03-03' }, cal);
    expect(fracture).toMatchObject({ dueOn: '2026-05-28', from: '2026-03-05', base: 'trigger', calendar: 'calendar-days', source: 'WIMWCA s274; program 4.4' });
    const early = dueDate('liability.determination', { trigger: '2026-01-01', 'notification-date': '2026-03-20' }, cal);
    expect(early).toMatchObject({ dueOn: '2026-04-10', base: 'notification-date' });
  });

  it('names the missing date instead of guessing', () => {
    expect(() => dueDate('ime.notice', { trigger: '2026-05-01' }, cal)).toThrow('ime.notice: the due rule counts from the appointment, which was not given');
  });
});
