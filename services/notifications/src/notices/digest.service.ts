import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sydneyAt } from '@wc/rules';
import { JsonLogger, visibleClaimsCondition } from '@wc/service-kit';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../config';
import { LOGGER } from '../letters/letters.service';
import { SmtpEmail } from './channels/email';
import { EMAIL } from './delivery-worker';

interface Alert {
  event_id: string;
  claim_number: string;
  obligation_type: string;
  kind: string;
  due_on: string;
  on: string;
  case_manager: string | null;
}

/**
 * Team leaders' escalations (docs/rules.md §4) by email as well as in the API queue: once a day (the
 * daily digest's Temporal Schedule, workflows/), each team leader with alerts not yet in a digest
 * gets one email listing them; a team leader may also ask for theirs now. An alert is marked only
 * after the mail server accepted the email, so a failed send is simply in the next digest (at least
 * once; a crash between the two can repeat an alert). A scheduled digest is recorded with its day,
 * unique per team leader, so a retried or repeated schedule sends no second digest that day. A digest
 * lists only the claims its team leader may see now (issue 14): an alert of a claim since moved to
 * another team stays out of it.
 */
@Injectable()
export class DigestService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
    @Inject(EMAIL) private readonly email: SmtpEmail,
  ) {}

  private get s() {
    return this.config.DB_SCHEMA;
  }

  /** The daily digest's day (today in Sydney) and the team leaders with alerts not yet in a digest. */
  async due(): Promise<{ day: string; teamLeaders: string[] }> {
    const leaders = await this.leadersWithAlerts();
    return { day: sydneyAt(Date.now()).date, teamLeaders: leaders.map((l) => l.team_leader) };
  }

  /** The team leader's digest of `day`, unless one was sent for that day already. */
  async sendDaily(teamLeader: string, day: string): Promise<{ sent: boolean; alerts: number; reason?: string }> {
    const already = await this.ds.query(`SELECT alerts FROM ${this.s}.digests WHERE team_leader = $1 AND day = $2`, [teamLeader, day]);
    if (already.length > 0) return { sent: false, alerts: already[0].alerts, reason: `already sent for ${day}` };
    const [leader] = await this.leadersWithAlerts(teamLeader);
    if (!leader) return { sent: false, alerts: 0, reason: 'no escalations waiting' };
    const r = await this.digestFor(leader, day);
    return 'digestId' in r ? { sent: true, alerts: r.alerts } : { sent: false, alerts: 0, reason: r.reason };
  }

  /** Sends every due digest now (only `teamLeader`'s, if given); what was sent and to whom, and who could not be sent one. */
  async run(teamLeader?: string): Promise<{ sent: Array<{ teamLeader: string; email: string; alerts: number; digestId: string }>; skipped: Array<{ teamLeader: string; reason: string }> }> {
    const sent = [];
    const skipped = [];
    for (const l of await this.leadersWithAlerts(teamLeader)) {
      const r = await this.digestFor(l, null);
      if ('digestId' in r) sent.push(r);
      else if (r.reason) skipped.push({ teamLeader: l.team_leader, reason: r.reason });
    }
    return { sent, skipped };
  }

  private leadersWithAlerts(teamLeader?: string): Promise<Leader[]> {
    return this.ds.query(
      `SELECT DISTINCT a.team_leader, s.email, s.name FROM ${this.s}.team_leader_alerts a LEFT JOIN ${this.s}.staff s ON s."user" = a.team_leader
       WHERE a.digest_id IS NULL AND a.team_leader IS NOT NULL AND ($1::text IS NULL OR a.team_leader = $1) ORDER BY a.team_leader`,
      [teamLeader ?? null],
    );
  }

  /** One team leader's digest (of `day` when the schedule sends it): sent, or why not (no reason: nothing they may see is waiting). */
  private async digestFor(l: Leader, day: string | null): Promise<{ teamLeader: string; email: string; alerts: number; digestId: string } | { reason?: string }> {
    // The team leader's own claims, by the rule their GET /notifications/alerts follows.
    const visible = visibleClaimsCondition({ user: l.team_leader, role: 'team-leader' }, 'health', this.s, 'claim_id', 2);
    const alerts: Alert[] = await this.ds.query(
      `SELECT event_id, claim_number, obligation_type, kind, due_on::text AS due_on, "on"::text AS "on", case_manager FROM ${this.s}.team_leader_alerts
       WHERE team_leader = $1 AND digest_id IS NULL AND (${visible.sql}) ORDER BY "on", claim_number, obligation_type`,
      [l.team_leader, ...visible.params],
    );
    if (alerts.length === 0) return {};
    if (!l.email) {
      this.log.warn('team leader has escalations but no email address; digest not sent', { teamLeader: l.team_leader });
      return { reason: 'no email address in the staff directory (PUT /notifications/staff/:user)' };
    }
    const lines = alerts.map(
      (a) => `- ${a.claim_number}: ${a.obligation_type} ${a.kind === 'overdue' ? 'is OVERDUE' : 'escalated to you'} (due ${a.due_on}; case manager ${a.case_manager ?? 'unassigned'}; on ${a.on})`,
    );
    await this.email.send({
      to: l.email,
      subject: `Escalations: ${alerts.length} obligation${alerts.length === 1 ? '' : 's'} need your attention`,
      text: [
        `Hello ${l.name ?? l.team_leader},`,
        '',
        'These obligations were escalated to you since your last digest:',
        '',
        ...lines,
        '',
        'Your escalation queue in the claims API has the details.',
        '',
        this.config.SENDER_NAME,
      ].join('\n'),
    });
    const digestId = randomUUID();
    await this.ds.transaction(async (m) => {
      await m.query(`INSERT INTO ${this.s}.digests (id, team_leader, email, alerts, day) VALUES ($1, $2, $3, $4, $5)`, [digestId, l.team_leader, l.email, alerts.length, day]);
      await m.query(`UPDATE ${this.s}.team_leader_alerts SET digest_id = $1 WHERE event_id = ANY($2::uuid[])`, [digestId, alerts.map((a) => a.event_id)]);
    });
    this.log.info('team leader digest sent', { teamLeader: l.team_leader, alerts: alerts.length, digestId, day });
    return { teamLeader: l.team_leader, email: l.email, alerts: alerts.length, digestId };
  }
}

type Leader = { team_leader: string; email: string | null; name: string | null };
