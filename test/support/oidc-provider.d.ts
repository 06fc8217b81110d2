// The part of `oidc-provider` (which ships no types) that the test provider uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface FoundToken {
    accountId: string;
    scope?: string;
    aud?: string | string[];
    readonly isExpired: boolean;
  }
  interface TokenModel {
    find(value: string): Promise<FoundToken | undefined>;
    revokeByGrantId(grantId: string): Promise<void>;
  }
  interface GrantInstance {
    addOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
    destroy(): Promise<void>;
  }
  interface GrantModel {
    new (properties: { accountId: string; clientId: string }): GrantInstance;
    find(id: string): Promise<GrantInstance | undefined>;
  }
  export interface InteractionDetails {
    uid: string;
    grantId?: string;
    prompt: { name: string; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId: string };
  }
  interface ClientLike {
    clientId: string;
    grantTypeAllowed(type: string): boolean;
  }
  interface ContextLike {
    oidc: {
      params?: Record<string, unknown>;
      client?: ClientLike;
      result?: { consent?: { grantId?: string } };
      session?: { grantIdFor(clientId: string): string | undefined };
      provider: Provider;
    };
  }
  export type Configuration = {
    clients: Record<string, unknown>[];
    scopes: string[];
    claims: Record<string, string[]>;
    pkce: { required: () => boolean };
    cookies: { keys: string[] };
    ttl: Record<string, number>;
    findAccount: (ctx: ContextLike, id: string) => unknown;
    interactions: { url: (ctx: ContextLike, interaction: { uid: string }) => string };
    issueRefreshToken: (ctx: ContextLike, client: ClientLike) => boolean;
    features: Record<string, unknown> & {
      resourceIndicators: {
        enabled: boolean;
        defaultResource: (
          ctx: ContextLike,
          client: ClientLike,
          oneOf?: string,
        ) => string | undefined;
        getResourceServerInfo: (ctx: ContextLike, resource: string) => Record<string, unknown>;
        useGrantedResource: () => boolean;
      };
    };
    loadExistingGrant?: (ctx: ContextLike) => Promise<GrantInstance | undefined>;
  };
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    AccessToken: TokenModel;
    RefreshToken: TokenModel;
    AuthorizationCode: TokenModel;
    Grant: GrantModel;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    on(event: string, listener: (...args: never[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
