import type { operations as NotificationsOperations } from '../../api/openapi/notifications';

// What of a notice is waiting for a person (GET /notifications/notices): kept apart from the form
// (WriteNoticeDialog), which brings zod and the documents service's schemas, so a page can say what a
// notice needs without loading them.

export type Notice = NotificationsOperations['AlertsController_list']['responses'][200]['content']['application/json']['notices'][number];

/** The document a copy waiting for content is to be (the notice's own kind for each party), or undefined when none waits. */
export const waitingKind = (notice: Notice): string | undefined => notice.deliveries.find((d) => d.status === 'awaiting-content')?.kind ?? undefined;

/** The notice's top-level keys the copies waiting for it still need (`reports[0].title` is `reports`), as the documents service named them. */
export function neededKeys(notice: Notice): string[] {
  const keys = notice.deliveries.filter((d) => d.status === 'awaiting-content').flatMap((d) => (d.contentNeeded ?? []).map((p) => /^[^.[]+/.exec(p.field)?.[0] ?? p.field));
  return [...new Set(keys)];
}
