import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths as ClaimsPaths } from './openapi/claims';
import type { paths as DocumentsPaths } from './openapi/documents';
import type { paths as NotificationsPaths } from './openapi/notifications';
import type { paths as PaymentsPaths } from './openapi/payments';

/**
 * The services' APIs, typed from their OpenAPI documents (./openapi, made by tools/openapi/export.js):
 * a path, parameter or field the API does not have fails the console's type check. Each is reached
 * through the console's server at /api/<service>, which passes requests on as they are.
 */
export interface Api {
  claims: Client<ClaimsPaths>;
  documents: Client<DocumentsPaths>;
  notifications: Client<NotificationsPaths>;
  payments: Client<PaymentsPaths>;
}

export interface ApiAuth {
  /** The bearer token the services take, from whichever sign-in gave it. */
  accessToken(): string | undefined;
  /** The services no longer take it (expired, or signed with a key they no longer accept). */
  onUnauthorised(): void;
}

export function createApi(auth: ApiAuth): Api {
  const bearer: Middleware = {
    onRequest({ request }) {
      const token = auth.accessToken();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) auth.onUnauthorised();
      return response;
    },
  };
  const claims = createClient<ClaimsPaths>({ baseUrl: '/api/claims' });
  const documents = createClient<DocumentsPaths>({ baseUrl: '/api/documents' });
  const notifications = createClient<NotificationsPaths>({ baseUrl: '/api/notifications' });
  const payments = createClient<PaymentsPaths>({ baseUrl: '/api/payments' });
  for (const client of [claims, documents, notifications, payments]) client.use(bearer);
  return { claims, documents, notifications, payments };
}
