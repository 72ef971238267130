import { useEffect, useState } from 'react';
import { Button, FieldError, Form, Input, Label, Radio, RadioGroup, Text, TextField } from 'react-aria-components';
import type { Refusal } from '../api/refusal';
import { developmentProvider, loadSignInConfig } from '../auth/development';
import { CALLBACK_PATH, completeOidcSignIn, startOidcSignIn } from '../auth/oidc';
import type { OidcSignIn, Session } from '../auth/provider';
import { useResult } from '../app/use-result';
import { Loading, Page } from '../components/Page';
import { RefusalMessage } from '../components/RefusalMessage';
import { words } from '../components/labels';

/** Signing in, in whichever way the console's server offers (GET /auth/config). */
export function SignInPage({ notice, onSignedIn }: { notice?: string; onSignedIn(s: Session): void }) {
  const config = useResult(() => loadSignInConfig(), []);
  return (
    <Page title="Sign in">
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {!config ? (
        <Loading what="how to sign in" />
      ) : !config.ok ? (
        <RefusalMessage refusal={config.refusal} />
      ) : config.data.provider === 'development' ? (
        <DevelopmentSignIn roles={config.data.roles} onSignedIn={onSignedIn} />
      ) : config.data.provider === 'oidc' ? (
        <OidcSignInButton config={config.data} />
      ) : (
        <p>No way of signing in is set up for this console: {config.data.reason}.</p>
      )}
    </Page>
  );
}

/** The insurer's identity provider: its own sign-in page, then back to the page asked for. */
function OidcSignInButton({ config }: { config: OidcSignIn }) {
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  return (
    <>
      <p className="lede">Sign in with your insurer account at {new URL(config.issuer).host}; you come back here once signed in.</p>
      <Button
        className="react-aria-Button primary"
        isDisabled={pending}
        onPress={async () => {
          setRefusal(undefined);
          setPending(true);
          const returnTo = window.location.pathname === CALLBACK_PATH ? '/' : `${window.location.pathname}${window.location.search}`;
          const r = await startOidcSignIn(config, returnTo);
          setPending(false);
          if (!r.ok) setRefusal(r.refusal);
        }}
      >
        Sign in
      </Button>
      {refusal && <RefusalMessage refusal={refusal} />}
    </>
  );
}

/** Back from the identity provider (CALLBACK_PATH): the code exchanged for a session, or why not. */
export function OidcCallback({ onSignedIn }: { onSignedIn(s: Session, returnTo: string): void }) {
  const [refusal, setRefusal] = useState<Refusal>();
  useEffect(() => {
    let live = true;
    void (async () => {
      const config = await loadSignInConfig();
      if (!live) return;
      if (!config.ok) return setRefusal(config.refusal);
      if (config.data.provider !== 'oidc') return setRefusal({ status: 0, message: 'this console does not sign in with an identity provider', problems: [] });
      const r = await completeOidcSignIn(config.data, window.location.search);
      if (!live) return;
      if (r.ok) onSignedIn(r.data.session, r.data.returnTo);
      else setRefusal(r.refusal);
    })();
    return () => {
      live = false;
    };
    // Once: the code can be exchanged only once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Page title="Signing in">
      {refusal ? (
        <RefusalMessage refusal={refusal}>
          <p>
            <a href="/">Sign in again</a>
          </p>
        </RefusalMessage>
      ) : (
        <Loading what="your session" />
      )}
    </Page>
  );
}

/** A development identity: a platform role and a user name, as `claimctl token --role … --user …`. */
function DevelopmentSignIn({ roles, onSignedIn }: { roles: string[]; onSignedIn(s: Session): void }) {
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  // The server's 400 names each field: shown at the field, as the browser's own checks are.
  const fieldErrors = Object.fromEntries((refusal?.problems ?? []).map((p) => [p.field, p.problem]));
  return (
    <>
      <p className="lede">Local use: sign in as a development identity. The console&apos;s server signs a token for it with the platform&apos;s development key, as claimctl token does.</p>
      <Form
        className="sign-in"
        validationErrors={fieldErrors}
        onSubmit={async (e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          setPending(true);
          const r = await developmentProvider.signIn(String(form.get('role') ?? ''), String(form.get('user') ?? ''));
          setPending(false);
          if (r.ok) onSignedIn(r.session);
          else setRefusal(r.refusal);
        }}
      >
        <RadioGroup name="role" defaultValue="case-manager" isRequired className="field">
          <Label>Role</Label>
          <div className="radios">
            {roles.map((r) => (
              <Radio key={r} value={r}>
                {words(r)}
              </Radio>
            ))}
          </div>
          <FieldError className="field-error" />
        </RadioGroup>
        <TextField name="user" isRequired className="field" autoComplete="username">
          <Label>User name</Label>
          <Input />
          <Text slot="description" className="hint">
            The name the platform knows them by, e.g. cm.sam: a claim&apos;s case manager is named so.
          </Text>
          <FieldError className="field-error" />
        </TextField>
        {/* Not isPending: React Aria would announce the pending button by its id, a reference left
            dangling once the signed-in page replaces this one (an image without a name, to axe). */}
        <Button type="submit" isDisabled={pending} className="react-aria-Button primary">
          Sign in
        </Button>
        {pending && (
          <p role="status" className="muted">
            Signing in…
          </p>
        )}
        {refusal && refusal.problems.length === 0 && <RefusalMessage refusal={refusal} />}
      </Form>
    </>
  );
}
