import { BusinessCalendar } from '../calendar';
import { OBLIGATIONS, OBLIGATION_TYPES } from './catalogue';
import { dueDate } from './due-date';

const cal = new BusinessCalendar();

describe('obligation catalogue (rules.md §4)', () => {
  it('has every type, each with a source, completion events and a calendar', () => {
    expect(OBLIGATION_TYPES).toHaveLength(20);
    for (const t of OBLIGATION_TYPES) {
      const d = OBLIGATIONS[t];
      expect(d.type).toBe(t);
      expect(d.source.length).toBeGreaterThan(3);
      expect(d.completedBy.length).toBeGreaterThan(0);
      expect(['business-days', 'calendar-days']).toContain(d.calendar);
    }
  });

  it('only initial contact, the IMP and the RTW goal review may open late (rules.md §4 exception)', () => {
    expect(OBLIGATION_TYPES.filter((t) => OBLIGATIONS[t].canOpenLate)).toEqual(['initial-contact.worker', 'initial-contact.employer', 'initial-contact.doctor', 'imp.initial', 'rtw-goal.review']);
  });
});

describe('due dates, checked by hand against the shared scenarios', () => {
  it.each<[string, Parameters<typeof dueDate>[1], string, string]>([
    ['notification.information-request', { trigger: '2026-03-27' }, '2026-04-01', '3 business days after the trigger'],
    ['initial-contact.doctor', { trigger: '2026-03-31', 'significance-date': '2026-03-31' }, '2026-04-07', '3 business days after the significance-date'],
    ['imp.initial', { trigger: '2026-03-31', 'significance-date': '2026-03-31' }, '2026-04-30', '20 business days after the significance-date'],
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
