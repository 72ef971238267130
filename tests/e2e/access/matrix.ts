/**
 * Who may call each route of the platform, and about which claim (issue 14). One row per route of
 * every service's OpenAPI document: access-matrix.engines.test.ts fails for a route without a row
 * and for a row without a route.
 *
 * A row says who passes the route's role check (`roles`; an administrator passes every role check
 * unless `adminPasses` is false) and what it shows or changes of one claim (`data`):
 *   - 'health': the claim's health information. Only its case manager (or one covering for them),
 *     its team leader and a reviewer with a review of it may; never a payments officer, a privacy
 *     officer or an administrator.
 *   - 'payments': what the claim is paid and to whom: those three, and every payments officer.
 *   - 'none': not about one claim (lists filter their rows; tested in each service's own tests).
 * Where the claim comes from: a path parameter (`params`), the `claimId` query parameter (`query`) or
 * the body (`body`). A parameter marked 'unknown' is a resource this test does not make (a payment,
 * an invoice, a payment run): only the role check is exercised here, and the service's own tests
 * check the claim behind it.
 */
export const MATRIX_ROLES = ['case-manager', 'team-leader', 'reviewer', 'payments-officer', 'privacy-officer', 'admin'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
export type Resource = 'claim' | 'document' | 'notice' | 'delivery' | 'unknown' | 'name';
export type Answer = 'allowed' | 'refused';

export interface Row {
  roles: readonly MatrixRole[] | 'any';
  data: 'health' | 'payments' | 'none';
  adminPasses?: false;
  params?: Record<string, Resource>;
  query?: 'claimId';
  body?: (claimId: string) => unknown;
}

const CM = 'case-manager';
const TL = 'team-leader';
const RV = 'reviewer';
const PO = 'payments-officer';
const PRIVACY = 'privacy-officer';

/** A route about one claim, the claim in its path as `param`. */
const claim = (data: 'health' | 'payments', roles: Row['roles'], params: Record<string, Resource> = { id: 'claim' }): Row => ({ roles, data, params });
/** A route not about one claim. */
const role = (roles: Row['roles'], params?: Record<string, Resource>): Row => ({ roles, data: 'none', params });
/** A route about a resource this test does not make: role check only. */
const unbuilt = (roles: Row['roles'], param = 'id'): Row => ({ roles, data: 'none', params: { [param]: 'unknown' } });

/** Every service's parked Kafka messages (libs/service-kit/src/parked-events.ts): administrators only. */
const parked = (service: string): Record<string, Row> => ({
  [`${service} GET /admin/parked-events`]: role([]),
  [`${service} POST /admin/parked-events/{id}/replay`]: unbuilt([]),
});

// The internal route (POST /internal/claims/{id}/effects, the worker's) is not in the OpenAPI
// documents: every staff token is refused there (auth.test.ts, StaffAuthGuard).
export const ROUTES: Record<string, Row> = {
  ...parked('claims'),
  ...parked('payments'),
  ...parked('notifications'),
  ...parked('documents'),
  // claims
  // Claim workflows waiting on effects the claims service refused (incidents/): administrators only.
  'claims GET /admin/incidents': role([]),
  'claims POST /admin/incidents/{id}/retry': unbuilt([]),
  // Actions dated before the day they were recorded, on the reader's claims (filtered in SQL).
  'claims GET /audit/backdated-actions': role([TL]),
  'claims POST /claims': role([CM, TL]),
  'claims GET /claims': role([CM, TL, RV]),
  'claims GET /claims/{id}': claim('health', 'any'),
  'claims GET /claims/{id}/timeline': claim('health', 'any'),
  'claims POST /claims/{id}/actions': claim('health', [CM, TL, RV, PO]),
  'claims PUT /claims/{id}/assignment': claim('health', [TL]),
  'claims GET /claims/{id}/parties': claim('health', 'any'),
  'claims POST /claims/{id}/parties': claim('health', [CM, TL]),
  'claims PUT /claims/{id}/parties/{partyId}': claim('health', [CM, TL], { id: 'claim', partyId: 'unknown' }),
  'claims POST /claims/{id}/parties/{partyId}/removal': claim('health', [CM, TL], { id: 'claim', partyId: 'unknown' }),
  'claims POST /claims/{id}/consents': claim('health', [CM, TL]),
  'claims GET /claims/{id}/staffing': claim('health', [CM, TL, RV]),
  'claims POST /claims/{id}/reviewers': claim('health', [TL]),
  'claims DELETE /claims/{id}/reviewers/{reviewer}': claim('health', [TL], { id: 'claim', reviewer: 'name' }),
  'claims POST /covers': role([TL]),
  'claims GET /covers': role([CM, TL]),
  'claims POST /covers/{coverId}/cancel': unbuilt([TL], 'coverId'),
  'claims GET /work-queue': role([CM, TL]),
  'claims GET /escalations': role([TL]),
  'claims GET /team': role([TL]),
  'claims GET /audit/health-reads': { ...role([PRIVACY]), adminPasses: false },

  // documents
  'documents POST /documents': { ...claim('health', [CM, TL], {}), body: (claimId) => ({ claimId }) },
  'documents GET /documents/{id}': claim('health', 'any', { id: 'document' }),
  'documents GET /documents/{id}/content': claim('health', 'any', { id: 'document' }),

  // notifications
  'notifications GET /notifications/notices': { ...claim('health', 'any', {}), query: 'claimId' },
  'notifications GET /notifications/letters': { ...claim('health', 'any', {}), query: 'claimId' },
  'notifications GET /notifications/sms': { ...claim('health', 'any', {}), query: 'claimId' },
  'notifications GET /notifications/reminders': role([CM, TL]),
  'notifications GET /notifications/alerts': role([TL]),
  'notifications GET /notifications/tasks': role([CM, TL]),
  'notifications POST /notifications/tasks/{id}/done': unbuilt([CM, TL]),
  'notifications POST /notifications/notices/{noticeId}/content': claim('health', [CM, TL, RV], { noticeId: 'notice' }),
  'notifications POST /notifications/deliveries/{deliveryId}/resend': claim('health', [CM, TL], { deliveryId: 'delivery' }),
  // Letters to post are health information: not a payments officer's work.
  'notifications GET /notifications/print-queue': role([CM, TL]),
  'notifications POST /notifications/print-queue/{deliveryId}/printed': claim('health', [CM, TL], { deliveryId: 'delivery' }),
  'notifications PUT /notifications/staff/{user}': role([], { user: 'name' }),
  'notifications POST /notifications/digests': role([TL]),

  // payments
  'payments GET /claims': role([PO, CM, TL]),
  'payments GET /claims/{claimId}': claim('payments', [PO, CM, TL], { claimId: 'claim' }),
  'payments GET /claims/{claimId}/estimate': claim('payments', [PO, CM, TL], { claimId: 'claim' }),
  'payments GET /claims/{claimId}/medical': claim('payments', [PO, CM, TL], { claimId: 'claim' }),
  'payments GET /claims/{claimId}/piawe': claim('payments', [CM, PO, TL, RV], { claimId: 'claim' }),
  'payments POST /claims/{claimId}/piawe': claim('payments', [CM, PO, TL], { claimId: 'claim' }),
  'payments POST /claims/{claimId}/approvals': claim('payments', [CM, TL], { claimId: 'claim' }),
  'payments POST /claims/{claimId}/invoices': claim('payments', [PO, CM], { claimId: 'claim' }),
  'payments POST /claims/{claimId}/weekly-payments/generate': claim('payments', [PO], { claimId: 'claim' }),
  'payments PUT /claims/{claimId}/payee': claim('payments', [PO], { claimId: 'claim' }),
  'payments GET /payments': role([PO, TL, CM]),
  'payments GET /payments/{id}': unbuilt([PO, TL, CM]),
  'payments POST /payments/authorise': role([PO, TL]),
  'payments POST /payments/{id}/authorise': unbuilt([PO, TL]),
  'payments POST /payments/{id}/cancel': unbuilt([PO, TL]),
  'payments GET /authority-limits': role([PO, TL]),
  'payments PUT /authority-limits/{subject}': role([], { subject: 'name' }),
  'payments GET /estimates': role([TL, PO]),
  'payments GET /fee-order': role([PO, CM, TL]),
  'payments PUT /fee-order': role([]),
  'payments GET /invoices/{id}': unbuilt([PO, CM, TL]),
  'payments GET /medical-invoices/{id}': unbuilt([PO, TL]),
  'payments POST /medical-invoices': role([PO]),
  'payments POST /payment-runs': role([PO, TL]),
  'payments GET /payment-runs': role([PO, TL]),
  'payments GET /payment-runs/{id}': unbuilt([PO, TL]),
  'payments GET /payment-runs/{id}/aba': unbuilt([PO, TL]),
  'payments GET /payment-runs/{id}/remittances': unbuilt([PO, TL]),
  'payments POST /piawe/{id}/review': unbuilt([TL, PO, RV]),
  'payments GET /providers': role([PO, CM, TL]),
  'payments POST /providers': role([PO, TL]),
  'payments GET /providers/{id}': unbuilt([PO, CM, TL]),
  'payments PUT /providers/{id}': unbuilt([PO, TL]),
  'payments GET /providers/{id}/history': unbuilt([PO, TL]),
  'payments POST /providers/{id}/registration': unbuilt([PO, TL]),
  'payments GET /remediations': role([TL, PO, CM]),
  'payments POST /remediations': role([TL]),
  'payments GET /remediations/{id}': unbuilt([TL, PO]),
  'payments GET /remediations/{id}/weeks': unbuilt([TL, PO, CM]),
  'payments GET /wage-reimbursement-schedules/discrepancies': role([PO, CM, TL]),
  'payments POST /wage-reimbursement-schedules': role([PO]),
  'payments GET /wage-reimbursement-schedules/{id}': unbuilt([PO]),
  'payments POST /weekly-payments/generate': role([PO]),
  // Changes held for a second person: who decides is checked by the change's kind (dual-control.ts).
  'payments GET /changes': role([PO, TL]),
  'payments POST /changes/{id}/approve': unbuilt([PO, TL]),
  'payments POST /changes/{id}/reject': unbuilt([PO, TL]),
};

/** What `role` is answered on this route about its own claim (A) or someone else's (B). */
export function expectedAnswer(row: Row, role: MatrixRole, which: 'own' | 'other'): Answer {
  const passesRoles = row.roles === 'any' || row.roles.includes(role) || (role === 'admin' && row.adminPasses !== false);
  if (!passesRoles) return 'refused';
  if (row.data === 'none') return 'allowed';
  switch (role) {
    case 'case-manager':
    case 'team-leader':
    case 'reviewer':
      return which === 'own' ? 'allowed' : 'refused';
    case 'payments-officer':
      return row.data === 'payments' ? 'allowed' : 'refused';
    case 'privacy-officer':
    case 'admin':
      return 'refused';
  }
}
