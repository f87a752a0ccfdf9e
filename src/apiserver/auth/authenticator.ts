/**
 * @module Who is calling: the Authenticator contract, the user it yields (as Kubernetes's
 * user.Info), and a chain that asks several authenticators in turn.
 */
import type { IncomingMessage } from 'node:http';

/** The authenticated caller, as Kubernetes's user.Info. */
export interface UserInfo {
  readonly name: string;
  readonly uid?: string;
  readonly groups: readonly string[];
  readonly extra?: Readonly<Record<string, readonly string[]>>;
}

/** The group Kubernetes adds to every authenticated user. */
export const AUTHENTICATED_GROUP = 'system:authenticated';

/**
 * Identifies the caller of a request, or returns undefined when the request carries no
 * credentials this authenticator understands. Throws only for credentials that are present
 * but invalid (the caller answers 401). May be called for every request: keep it cheap.
 */
export interface Authenticator {
  authenticate(req: IncomingMessage): Promise<UserInfo | undefined> | UserInfo | undefined;
}

/** Asks each authenticator in order; the first user found wins, with `system:authenticated` added. */
export class AuthenticatorChain implements Authenticator {
  constructor(private readonly chain: readonly Authenticator[]) {}

  async authenticate(req: IncomingMessage): Promise<UserInfo | undefined> {
    for (const a of this.chain) {
      const user = await a.authenticate(req);
      if (!user) continue;
      return user.groups.includes(AUTHENTICATED_GROUP) ? user : { ...user, groups: [...user.groups, AUTHENTICATED_GROUP] };
    }
    return undefined;
  }
}
