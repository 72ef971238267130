import { keyWords, obligationName, words } from './labels';

describe('codes in words', () => {
  it('spaces and capitalises a code, keeping the scheme’s abbreviations', () => {
    expect(words('case-manager')).toBe('Case manager');
    expect(words('acknowledgement-letter')).toBe('Acknowledgement letter');
    expect(words('rtw-goal')).toBe('RTW goal');
    expect(words('piawe-decision')).toBe('PIAWE decision');
  });

  it('spaces a body’s camel-case key the same way', () => {
    expect(keyWords('takesEffectOn')).toBe('Takes effect on');
    expect(keyWords('expectedWeeklyEarnings')).toBe('Expected weekly earnings');
    expect(keyWords('reasons')).toBe('Reasons');
  });

  it('names an obligation by its subject, then its step', () => {
    expect(obligationName('liability.initial')).toBe('Liability: initial');
    expect(obligationName('imp.initial')).toBe('IMP: initial');
    expect(obligationName('rtw-goal.review')).toBe('RTW goal: review');
    expect(obligationName('contact.worker')).toBe('Contact: worker');
  });
});
