import type { ClaimView } from '../../api/types';
import { Instant } from '../../components/Dates';
import { Section } from '../../components/Page';
import { words } from '../../components/labels';

type Copy = ClaimView['correspondence'][number];

const STATUS_WORDS: Record<Copy['status'], string> = { sent: 'Sent', delivered: 'Delivered', bounced: 'Bounced', failed: 'Failed', refused: 'Not sent' };
const CHANNEL_WORDS: Record<string, string> = { email: 'Email', sms: 'SMS', post: 'Post' };

/**
 * What became of each copy of each notice (GET /claims/:id `correspondence`, from the notifications
 * service's notice.delivery-updated): to whom, by which channel, its latest status and why, with
 * every status it had. A copy not sent (no consent, no address, a party taken off) or failed is what
 * a case manager follows up: the notifications service has made a task of it for them.
 */
export function ClaimCorrespondence({ correspondence }: { correspondence: Copy[] }) {
  return (
    <Section id="delivery" title="Delivery of notices">
      {correspondence.length === 0 ? (
        <p className="empty">No notice has been sent yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Notice</th>
              <th scope="col">To</th>
              <th scope="col">By</th>
              <th scope="col">Status</th>
              <th scope="col">History</th>
            </tr>
          </thead>
          <tbody>
            {correspondence.map((c) => {
              const last = c.history[c.history.length - 1];
              const trouble = c.status === 'refused' || c.status === 'failed' || c.status === 'bounced';
              return (
                <tr key={c.deliveryId}>
                  <th scope="row">{words(c.noticeType)}</th>
                  <td>{words(c.recipient)}</td>
                  <td>{c.channel ? CHANNEL_WORDS[c.channel] : <span className="muted">None</span>}</td>
                  <td>
                    <span className={trouble ? 'status status-overdue' : 'status status-met'}>{STATUS_WORDS[c.status]}</span>
                    {trouble && last?.detail && <div className="small">{last.detail}</div>}
                  </td>
                  <td>
                    <ol className="plain small">
                      {c.history.map((h) => (
                        <li key={`${h.at}|${h.status}|${h.attempt}`}>
                          {STATUS_WORDS[h.status]}
                          {h.attempt > 1 && ` (attempt ${h.attempt})`}, <Instant value={h.at} />
                        </li>
                      ))}
                    </ol>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Section>
  );
}
