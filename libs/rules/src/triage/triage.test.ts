import { TriageInput, reclassify, triage } from './triage';

const input = (over: Partial<TriageInput>): TriageInput => ({ nature: 'sprain-strain', likelySurgery: false, expectedIncapacityDays: 3, redFlags: [], yellowFlags: [], ...over });
const classes = (over: Partial<TriageInput>) => {
  const r = triage(input(over));
  return [r.classification, r.segment];
};

describe('triage (program 3.3.3; rules.md §2)', () => {
  it.each<[string, Partial<TriageInput>, string, string]>([
    ['fracture is significant → support', { nature: 'fracture', expectedIncapacityDays: 42 }, 'significant', 'support'],
    ['psychological → specialised', { nature: 'psychological', expectedIncapacityDays: null, yellowFlags: ['conflict'] }, 'significant', 'specialised'],
    ['head → specialised', { nature: 'head' }, 'significant', 'specialised'],
    ['amputation → specialised', { nature: 'amputation' }, 'significant', 'specialised'],
    ['hernia, disease are significant', { nature: 'hernia' }, 'significant', 'support'],
    ['likely surgery', { likelySurgery: true }, 'significant', 'support'],
    ['more than 7 days (s42)', { expectedIncapacityDays: 8 }, 'significant', 'support'],
    ['exactly 7 days is not significant', { expectedIncapacityDays: 7 }, 'non-significant', 'empower'],
    ['0 days', { expectedIncapacityDays: 0 }, 'non-significant', 'empower'],
    ['unknown incapacity → possibly significant → guide', { expectedIncapacityDays: null }, 'possibly-significant', 'guide'],
    ['yellow flag on a minor injury → guide', { yellowFlags: ['fear of re-injury'] }, 'non-significant', 'guide'],
    ['red flag → specialised even when minor', { redFlags: ['suicidal ideation'] }, 'non-significant', 'specialised'],
    ['red flag on a significant injury → specialised', { nature: 'fracture', redFlags: ['x'] }, 'significant', 'specialised'],
  ])('%s', (_n, over, classification, segment) => expect(classes(over)).toEqual([classification, segment]));

  it('gives the reasons that decided, for staff', () => {
    const r = triage(input({ expectedIncapacityDays: 12 }));
    expect(r.reasons.classification).toMatch(/12 days is more than 7.*s42/);
    expect(r.reasons.segment).toBe('significant injury');
  });

  it('reclassification keeps the injury facts and recomputes the segment', () => {
    expect(reclassify(input({}), 'significant')).toMatchObject({ classification: 'significant', segment: 'support' });
    expect(reclassify(input({ nature: 'psychological' }), 'non-significant').segment).toBe('specialised');
  });
});
