import { CALLBACK_PATH } from '../auth/oidc';
import { routeOf } from './router';

describe("the console's addresses", () => {
  it('finds each page from its path, and an unknown one is no page', () => {
    expect(routeOf('/')).toEqual({ page: 'home' });
    expect(routeOf('/my-work')).toEqual({ page: 'my-work' });
    expect(routeOf('/claims')).toEqual({ page: 'claims' });
    expect(routeOf('/claims/new')).toEqual({ page: 'lodge-claim' });
    expect(routeOf('/claims/WC%201')).toEqual({ page: 'claim', claimId: 'WC 1' });
    expect(routeOf('/nowhere')).toEqual({ page: 'not-found' });
  });

  it("takes the identity provider's way back, reloaded once signed in, as the home page", () => {
    expect(routeOf(CALLBACK_PATH)).toEqual({ page: 'home' });
  });
});
