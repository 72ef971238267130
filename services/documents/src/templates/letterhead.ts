/**
 * Who the letters come from. One place to change when an insurer deploys the platform (a change
 * here changes every notice's bytes, so bump the templates' versions with it).
 */
export const SENDER = {
  name: 'Workers Compensation Claims',
  strapline: 'Workers compensation insurance, New South Wales',
  signOff: 'The claims team',
} as const;
