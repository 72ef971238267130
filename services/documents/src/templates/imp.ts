import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { addressed, caseManagerSignOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import type { Block, NoticeTemplate } from './template';
import { claimContact, longText, personName, text, recipientOf } from './fields';

/** The plan goes to each of the worker, the employer and the nominated treating doctor (docs/rules.md §5). */
const PARTIES = ['worker', 'employer', 'doctor'] as const;

/**
 * The people who take part in the plan besides the worker (named in `worker`) and the case manager
 * (`contact`, from the staff directory, so the plan names the same person its contact section
 * does). The program (4.7) asks for the key participants; the first two must always be named.
 */
const PARTICIPANT_ROLES = ['employer-contact', 'nominated-treating-doctor', 'workplace-rehabilitation-provider', 'treatment-provider'] as const;
type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
const REQUIRED_ROLES: ParticipantRole[] = ['employer-contact', 'nominated-treating-doctor'];
const ROLE_LABEL: Record<ParticipantRole, string> = {
  'employer-contact': 'Employer contact',
  'nominated-treating-doctor': 'Nominated treating doctor',
  'workplace-rehabilitation-provider': 'Workplace rehabilitation provider',
  'treatment-provider': 'Treatment provider',
};

/** The four return-to-work goals, in the order they are tried (same job and employer first). */
const RTW_GOALS = ['same-job-same-employer', 'different-job-same-employer', 'same-job-different-employer', 'different-job-different-employer'] as const;
type RtwGoal = (typeof RTW_GOALS)[number];
const GOAL_WORDS: Record<RtwGoal, string> = {
  'same-job-same-employer': 'Go back to the same job with the same employer',
  'different-job-same-employer': 'Go back to work with the same employer, in a different job',
  'same-job-different-employer': 'Go back to the same kind of job, with a different employer',
  'different-job-different-employer': 'Start a different job with a different employer',
};

/** Whose duties the plan sets out. Worker, employer and insurer always have some (WIMWCA s45–s47). */
const OBLIGATION_PARTIES = ['worker', 'employer', 'insurer', 'doctor'] as const;
type ObligationParty = (typeof OBLIGATION_PARTIES)[number];
const REQUIRED_OBLIGATION_PARTIES: ObligationParty[] = ['worker', 'employer', 'insurer'];

/** a is earlier than b; false when either is not a real date (that field already has its own issue). */
const before = (a: string, b: string) => localDate.safeParse(a).success && localDate.safeParse(b).success && a < b;

export const impData = z
  .object({
    claimNumber: text,
    issuedOn: localDate,
    recipient: recipientOf(PARTIES),
    worker: personName,
    employer: z.object({ name: text }).strict(),
    dateOfInjury: localDate,
    /** 1 for the first plan; each revised plan takes the next number. */
    planVersion: z.number().int('must be a whole number').min(1, 'must be 1 or more').max(999, 'must be at most 999'),
    /** True when this plan replaces an earlier one (then `previousPlanIssuedOn` is required). */
    revision: z.boolean(),
    previousPlanIssuedOn: localDate.optional(),
    /** What changed since the earlier plan, in a sentence or two (revisions only). */
    revisionReason: longText.optional(),
    participants: z
      .array(
        z
          .object({
            role: z.enum(PARTICIPANT_ROLES, { error: `must be one of ${PARTICIPANT_ROLES.join(', ')} (the case manager is contact)` }),
            name: text,
            organisation: text.optional(),
          })
          .strict(),
      )
      .min(1, 'must name the employer contact and nominated treating doctor')
      .max(20, 'must have at most 20 entries'),
    rtwGoal: z.enum(RTW_GOALS),
    obligations: z
      .array(
        z
          .object({
            party: z.enum(OBLIGATION_PARTIES),
            obligations: z.array(longText).min(1, 'must list at least one obligation').max(20, 'must have at most 20 entries'),
          })
          .strict(),
      )
      .min(1, 'must list the obligations of the worker, the employer and the insurer')
      .max(OBLIGATION_PARTIES.length, `must have at most ${OBLIGATION_PARTIES.length} entries`),
    actions: z
      .array(z.object({ action: longText, owner: text, dueOn: localDate }).strict())
      .min(1, 'must list at least one action')
      .max(40, 'must have at most 40 entries'),
    reviewOn: localDate,
    /** The case manager: a participant of the plan, and who to contact about it. */
    contact: claimContact,
  })
  .strict()
  .superRefine((d, ctx) => {
    const roles = new Set(d.participants.map((p) => p.role));
    for (const role of REQUIRED_ROLES) {
      if (!roles.has(role)) ctx.addIssue({ code: 'custom', path: ['participants'], message: `must include the ${ROLE_LABEL[role].toLowerCase()} (role ${role})` });
    }
    const seen = new Set<ObligationParty>();
    d.obligations.forEach((o, i) => {
      if (seen.has(o.party)) ctx.addIssue({ code: 'custom', path: ['obligations', i, 'party'], message: `lists ${o.party} more than once` });
      seen.add(o.party);
    });
    for (const party of REQUIRED_OBLIGATION_PARTIES) {
      if (!seen.has(party)) ctx.addIssue({ code: 'custom', path: ['obligations'], message: `must include the ${party}'s obligations` });
    }
    if (d.revision) {
      if (d.planVersion < 2) ctx.addIssue({ code: 'custom', path: ['planVersion'], message: 'must be 2 or more for a revised plan' });
      if (d.previousPlanIssuedOn === undefined) ctx.addIssue({ code: 'custom', path: ['previousPlanIssuedOn'], message: 'is required for a revised plan' });
      else if (before(d.issuedOn, d.previousPlanIssuedOn)) ctx.addIssue({ code: 'custom', path: ['previousPlanIssuedOn'], message: 'is after issuedOn' });
    } else {
      if (d.planVersion !== 1) ctx.addIssue({ code: 'custom', path: ['planVersion'], message: 'must be 1 for a first plan (set revision to true for a later one)' });
      if (d.previousPlanIssuedOn !== undefined) ctx.addIssue({ code: 'custom', path: ['previousPlanIssuedOn'], message: 'is only for a revised plan' });
      if (d.revisionReason !== undefined) ctx.addIssue({ code: 'custom', path: ['revisionReason'], message: 'is only for a revised plan' });
    }
    if (before(d.issuedOn, d.dateOfInjury)) ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'is before dateOfInjury' });
    if (before(d.reviewOn, d.issuedOn)) ctx.addIssue({ code: 'custom', path: ['reviewOn'], message: 'is before issuedOn' });
  });
export type ImpData = z.infer<typeof impData>;

const PARTY_HEADING: Record<ObligationParty, (worker: string, employer: string) => string> = {
  worker: (w) => `${w} (the worker) will:`,
  employer: (_w, e) => `${e} (the employer) will:`,
  insurer: () => 'We, the insurer, will:',
  doctor: () => 'The nominated treating doctor will:',
};

/**
 * The injury management plan for a significant injury: WIMWCA s45 makes the insurer write one with
 * the worker, employer and nominated treating doctor, and s46 (employer) and s47 (worker) make
 * their parts of it binding, so each party must be told exactly what it has to do and by when.
 * Contents follow program 4.7: participants, goal, each party's obligations, actions with owners
 * and timeframes, review date. Program 4.7 also requires a revised plan when the goal or the
 * treatment changes, which must say it replaces the earlier one so nobody works to a stale plan.
 */
export const impV2: NoticeTemplate<'imp', ImpData> = {
  kind: 'imp',
  name: 'imp',
  version: 2,
  data: impData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const toWorker = d.recipient.party === 'worker';
    const planLabel = `Plan ${d.planVersion}, dated ${longDate(d.issuedOn)}`;
    const ordered = [...d.participants].sort((a, b) => PARTICIPANT_ROLES.indexOf(a.role) - PARTICIPANT_ROLES.indexOf(b.role));
    const obligations = [...d.obligations].sort((a, b) => OBLIGATION_PARTIES.indexOf(a.party) - OBLIGATION_PARTIES.indexOf(b.party));
    const actions = [...d.actions].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));

    const intro: Block[] = [
      {
        kind: 'paragraph',
        text: toWorker
          ? `This is your injury management plan. It sets out how you, ${d.employer.name}, your doctor and we will work together to help you recover from your injury of ${longDate(d.dateOfInjury)} and get back to work safely.`
          : `This is the injury management plan for ${worker}, who was injured at work on ${longDate(d.dateOfInjury)}. It sets out how the worker, the employer, the nominated treating doctor and we will work together to help ${worker} recover and get back to work safely.`,
      },
    ];
    if (d.revision) {
      intro.push({
        kind: 'paragraph',
        text: `This plan replaces the earlier plan dated ${longDate(d.previousPlanIssuedOn!)}. Please follow this plan from now on and set the earlier one aside.${d.revisionReason ? ` What has changed: ${d.revisionReason}` : ''}`,
      });
    }
    intro.push({
      kind: 'paragraph',
      text: 'The law requires the worker and the employer to take part in this plan and to do what it asks of them. If something in the plan cannot be done, or is wrong, please tell the case manager straight away so we can change it.',
    });

    return {
      title: `Injury management plan for ${worker}, claim ${d.claimNumber}`,
      subject: `Injury management plan ${d.planVersion} for workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(d.recipient.name, d.recipient.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${d.recipient.name},`,
      body: [
        { kind: 'heading', text: d.revision ? 'Revised injury management plan' : 'Injury management plan' },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Employer', d.employer.name],
            ['Date of injury', longDate(d.dateOfInjury)],
            ['This plan', planLabel],
            ...(d.revision ? [['Replaces', `The plan dated ${longDate(d.previousPlanIssuedOn!)}`] as [string, string]] : []),
            ['Next review', longDate(d.reviewOn)],
          ],
        },
        ...intro,
        { kind: 'heading', text: 'Who is involved' },
        {
          kind: 'facts',
          rows: [['Worker', worker], ...ordered.map((p): [string, string] => [ROLE_LABEL[p.role], p.organisation ? `${p.name}, ${p.organisation}` : p.name]), ['Case manager', d.contact.caseManager]],
        },
        { kind: 'heading', text: 'The return to work goal' },
        { kind: 'paragraph', text: `The goal of this plan is: ${GOAL_WORDS[d.rtwGoal]}.` },
        {
          kind: 'paragraph',
          text: 'This is the goal that looks most likely to work, based on what we know today. We will change it if the medical advice or the work available changes.',
        },
        { kind: 'heading', text: 'What each person will do' },
        ...obligations.flatMap((o): Block[] => [
          { kind: 'paragraph', text: PARTY_HEADING[o.party](worker, d.employer.name) },
          { kind: 'bullets', items: o.obligations },
        ]),
        { kind: 'heading', text: 'Actions and dates' },
        { kind: 'bullets', items: actions.map((a) => `${a.action} - ${a.owner}, by ${longDate(a.dueOn)}`) },
        { kind: 'heading', text: 'When we will review this plan' },
        {
          kind: 'paragraph',
          text: `We will review this plan by ${longDate(d.reviewOn)}, or sooner if the worker's capacity for work, treatment or the return to work goal changes. If the plan needs to change, we will send everyone a revised plan.`,
        },
        ...whoToContact('imp', toWorker ? 'worker' : 'other', d.contact, d.claimNumber, insurer),
      ],
      closing: caseManagerSignOff(d.contact),
    };
  },
};
