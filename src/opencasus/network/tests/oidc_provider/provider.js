// A local OpenID provider for the sign-in tests (never deployed). Started by the pytest fixture
// `oidc_provider` (network/tests/oidc.py):  node provider.js <port> <redirect URI>
// Two users: alice signs in with a password and a one-time code (amr ["pwd", "otp"]), bob with a
// password only (amr ["pwd"]). The interaction is completed by POST /interaction/<uid>/login with
// `login=<user>`, so the tests drive the redirect flow without a browser.
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const redirectUri = process.argv[3];
const issuer = `http://127.0.0.1:${port}`;

const USERS = {
  alice: { email: 'alice@politie.example', email_verified: true, staff_number: 'P-1001', amr: ['pwd', 'otp'] },
  bob: { email: 'bob@politie.example', email_verified: true, staff_number: 'P-1002', amr: ['pwd'] },
};

const configuration = {
  clients: [{
    client_id: 'opencasus',
    client_secret: 'opencasus-test-secret',
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  cookies: { keys: ['opencasus-test-cookie-key'] },
  acrValues: ['pwd', 'mfa'],
  claims: { openid: ['sub', 'acr', 'amr'], email: ['email', 'email_verified'], staff: ['staff_number'] },
  scopes: ['openid', 'email', 'staff'],
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const user = USERS[id];
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: user.email, email_verified: user.email_verified, staff_number: user.staff_number };
      },
    };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email staff');
    await grant.save();
    return grant;
  },
};

const provider = new Provider(issuer, configuration);

provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([^/]+)\/login$/);
  if (!match || ctx.method !== 'POST') return next();
  const body = await new Promise((resolve) => {
    let data = '';
    ctx.req.on('data', (chunk) => { data += chunk; });
    ctx.req.on('end', () => resolve(new URLSearchParams(data)));
  });
  const login = body.get('login');
  const user = USERS[login];
  if (!user) {
    ctx.status = 400;
    ctx.body = 'unknown user';
    return undefined;
  }
  const result = { login: { accountId: login, amr: user.amr, acr: user.amr.includes('otp') ? 'mfa' : 'pwd' } };
  return provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
});

provider.use(async (ctx, next) => {
  if (ctx.method === 'GET' && ctx.path.startsWith('/interaction/')) {
    ctx.body = 'post login=<user> to this address + /login';
    return undefined;
  }
  return next();
});

provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${issuer}\n`);
});
