// A real OpenID Connect provider for the console's sign-in test (node-oidc-provider, ESM, hence a
// process of its own): the authorization code flow with PKCE for a public client, its own login
// form (devInteractions: any password), and access tokens as JWTs for the staff API's audience,
// with the platform role in `role`. Prints {"issuer": ...} on its first line once listening.
//   node tests/browser/oidc-provider.mjs <port> <redirect_uri> <audience> <users JSON: {"cm.sam":"case-manager"}>
import Provider from 'oidc-provider';

const [port, redirectUri, audience, usersJson] = process.argv.slice(2);
const users = JSON.parse(usersJson);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'wc-console',
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [new URL('/', redirectUri).toString()],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ audience, scope: 'openid profile', accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } }),
    },
  },
  async findAccount(_ctx, sub) {
    if (!users[sub]) return undefined;
    return { accountId: sub, claims: async () => ({ sub }) };
  },
  async extraTokenClaims(_ctx, token) {
    const role = token.accountId ? users[token.accountId] : undefined;
    return role ? { role } : {};
  },
  // The console at another origin fetches the token endpoint.
  clientBasedCORS: () => true,
  loadExistingGrant: async (ctx) => {
    // Consent is the insurer's, not each staff member's: grant what the console asks for.
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    grant.addResourceScope(audience, 'openid profile');
    await grant.save();
    return grant;
  },
});
provider.proxy = false;
provider.listen(Number(port), '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ issuer })}\n`));
