import type { uiMethodsFr } from './methods.fr.js';

export const uiMethodsEn: Record<keyof typeof uiMethodsFr, string> = {
  'ui.methods.provider': 'Account provider',
  'ui.methods.provider.microsoft': 'Microsoft 365',
  'ui.methods.provider.google': 'Google (Gmail, Google Workspace)',
  'ui.methods.provider.implied': 'As the account’s provider ({provider})',
  'ui.methods.provider.choose': 'Choose…',
  'ui.methods.describe.sandbox':
    'Nothing goes out: each message is written as an .eml file in the data folder, to try Postier safely.',
  'ui.methods.describe.smtp':
    'Postier sends through your mail provider’s SMTP server, at the pace chosen below.',
  'ui.methods.describe.graph':
    'Postier sends through the Microsoft Graph API with the Microsoft 365 account connected on this workstation; messages go to its Sent Items.',
  'ui.methods.describe.gmail-api':
    'Postier sends through the Gmail API with the Google account connected on this workstation; messages go to its Sent mail.',
  'ui.methods.describe.smtp-oauth':
    'Postier sends over SMTP by signing in to Microsoft 365 or Google, with no stored password.',
  'ui.methods.describe.outlook':
    'Postier hands each message to Outlook (desktop) on this workstation.',
  'ui.methods.describe.thunderbird':
    'Each message opens in a Thunderbird compose window; you send it yourself.',
  'ui.methods.describe.eml-draft':
    'Each message is written as an .eml draft and opened in your default mail program; you send it yourself.',
  'ui.methods.cannotPace':
    'This method opens one window per message: fine for one document or a small batch, not for a bulk send.',
  'ui.methods.smtpDefaultHint': 'Empty: the provider’s usual server.',
  'ui.methods.mailboxAddress': 'Account address',
  'ui.methods.oauthSection': 'Account connection',
  'ui.methods.clientId': 'Application (client) ID',
  'ui.methods.clientIdHint':
    'Given by whoever registered Postier with Microsoft or Google for the office.',
  'ui.methods.tenant': 'Microsoft 365 tenant',
  'ui.methods.tenantHint': 'Domain or ID; empty: any work account.',
  'ui.methods.authority': 'Sign-in address (advanced)',
  'ui.methods.authorityHint':
    'Leave empty unless your IT contact says otherwise (national cloud, test server).',
  'ui.methods.authorityPlaceholder': 'the provider’s usual address',
  'ui.methods.outlookMode': 'Outlook, for each message',
  'ui.methods.outlookMode.send': 'Send at once (Outlook sends without opening a window)',
  'ui.methods.outlookMode.review': 'Open for review (you click Send in Outlook)',
  'ui.methods.thunderbirdPath': 'Thunderbird program',
  'ui.methods.thunderbirdHint': 'Empty: Postier looks where it is usually installed.',
  'ui.methods.senderSection': 'Sender and copies',
  'ui.methods.connectedNotice': 'Account connected on this workstation ({account}).',
  'ui.methods.disconnectedNotice': 'The account’s authorisation is forgotten on this workstation.',
  'ui.methods.connection': 'On this workstation:',
  'ui.methods.connection.connected': 'Connected',
  'ui.methods.connection.not_connected': 'Not connected yet',
  'ui.methods.connection.reconnect': 'Must reconnect',
  'ui.methods.connectionHint.connected':
    'Postier can send with this account; no password is stored.',
  'ui.methods.connectionHint.not_connected':
    'Click “Connect the account”: the {provider} sign-in page opens in your browser; sign in and accept the permissions Postier asks for.',
  'ui.methods.connectionHint.reconnect':
    '{provider} withdrew the authorisation given to Postier or it expired: reconnect the account to send again.',
  'ui.methods.clientSecret': 'Client secret (Google, desktop app)',
  'ui.methods.clientSecretHint':
    'Only if your Google registration has one; kept on this workstation, never shown.',
  'ui.methods.waitingTitle': 'Signing in, in the browser…',
  'ui.methods.waitingText':
    'Finish signing in to {provider} in the page that opened; Postier waits for its answer. If the page did not open:',
  'ui.methods.openConsent': 'open the sign-in page',
  'ui.methods.preparing': 'Preparing the sign-in…',
  'ui.methods.connect': 'Connect the account',
  'ui.methods.reconnect': 'Reconnect the account',
  'ui.methods.disconnect': 'Forget on this workstation',
  'ui.methods.mailboxSection': 'The account’s mailbox',
  'ui.methods.sentCopy': 'Copy each message sent to the Sent folder (IMAP)',
  'ui.methods.sentFolder': 'Sent folder',
  'ui.methods.sentFolderHint': 'Empty: the one the server names.',
  'ui.methods.bounces': 'Read the mailbox for returned messages',
  'ui.methods.bounceFolder': 'File our returned messages in',
  'ui.methods.bounceFolderHint': 'Empty: they stay in the inbox.',
  'ui.methods.imapHost': 'IMAP server',
  'ui.methods.imapDefaultHint': 'Empty: the provider’s IMAP server.',
  'ui.methods.imapSecurity.none': 'None (port 143, local network)',
  'ui.methods.imapSecurity.starttls': 'STARTTLS (port 143)',
  'ui.methods.imapSecurity.tls': 'TLS (port 993)',
  'ui.methods.imapUser': 'IMAP user name',
  'ui.methods.imapUserHint': 'Empty: the SMTP user name. The password is the SMTP account’s.',
  'ui.methods.imapUserOAuthHint': 'Empty: the account’s address, signed in as for sending.',
};
