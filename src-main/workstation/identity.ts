// Who is acting, and from which workstation: recorded on every queued message and journal event.
import os from 'node:os';

export interface Actor {
  user: string;
  workstation: string;
}

export function currentActor(env: NodeJS.ProcessEnv = process.env): Actor {
  let user = env.POSTIER_USER ?? env.USERNAME ?? env.USER ?? '';
  if (!user) {
    try {
      user = os.userInfo().username;
    } catch {
      user = 'inconnu';
    }
  }
  return { user, workstation: env.POSTIER_WORKSTATION ?? env.COMPUTERNAME ?? os.hostname() };
}
