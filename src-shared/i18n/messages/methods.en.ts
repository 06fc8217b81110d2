import type { methodsFr } from './methods.fr.js';

export const methodsEn: Record<keyof typeof methodsFr, string> = {
  'methods.failure.reconnect':
    'The account {account} must be reconnected: {provider} withdrew the authorization given to Postier, or it expired ({detail}). In the sending account settings, click “Reconnect the account” (or type “postier account connect”), then start the send again.',
  'methods.failure.notConnected':
    'The account {account} is not connected to {provider} on this computer yet: in the sending account settings, click “Connect the account” (or type “postier account connect”).',
  'methods.failure.providerUnreachable':
    'Cannot reach {provider} to renew the account’s authorization ({detail}): check this computer’s Internet connection, then start the send again.',
  'methods.failure.noAnswer':
    '{service} did not answer after receiving the message ({detail}): it may have gone. Check the account’s sent items before sending it again.',
  'methods.failure.noAnswerRetry':
    '{service} did not answer ({detail}): the operation will be tried again later.',
  'methods.failure.tooLarge':
    'The message is {size} MB, above the {limit} MB limit of {service}: reduce or remove attachments.',
  'methods.failure.refusedTooLarge':
    '{service} refuses this message as too large ({detail}): reduce or remove attachments.',
  'methods.failure.throttled':
    '{service} asks to send more slowly: the message will be tried again in {seconds} s at the earliest.',
  'methods.failure.unavailable':
    '{service} is temporarily unavailable (error {status}): the message will be tried again later.',
  'methods.failure.senderRefused':
    '{service} refuses to send with this sender address ({detail}): give the account the “Send as” right for this address, or change the sender.',
  'methods.failure.recipientRefused':
    '{service} refused a recipient ({detail}): check the e-mail address in the record.',
  'methods.failure.quota':
    '{service} accepts no more messages from this account for now (sending limit reached): resume the send later, tomorrow if needed.',
  'methods.failure.accessDenied':
    '{service} refuses access to the account {account} ({detail}): reconnect the account and accept every permission asked; if your organization requires it, an administrator must approve the application.',
  'methods.failure.mailboxMissing':
    '{service} finds no mailbox for the account {account} ({detail}): check that this account has e-mail (an Exchange Online licence, or Gmail turned on).',
  'methods.failure.refused':
    '{service} refused this message ({detail}): read its answer to know why.',
  'methods.failure.unexpected':
    '{service} gave an unexpected answer (error {status}: {detail}): the message will be tried again.',

  'methods.failure.smtpAuthDisabled':
    'Microsoft 365 refuses the SMTP sign-in of {user}: SMTP authentication (SMTP AUTH) is turned off for this mailbox or the organization ({detail}). Ask the administrator to turn it on for this mailbox, or choose sending through the Microsoft Graph API.',
  'methods.failure.xoauth2Refused':
    'The server {host} refuses the OAuth sign-in of {user} ({detail}): reconnect the account, accepting the permissions asked; for Microsoft 365, SMTP authentication must also be allowed for this mailbox.',
  'methods.oauth.insecureAuthority':
    'The sign-in address “{url}” is not encrypted (https): correct the provider’s address in the account settings.',
  'methods.oauth.unreachable':
    'Cannot reach {provider} at {url} ({detail}): check this computer’s Internet connection and the provider’s address (Microsoft 365 tenant).',
  'methods.oauth.timeout':
    'No answer from the browser after {minutes, plural, one {# minute} other {# minutes}}: connecting the account was abandoned; start again and finish signing in in the browser window.',
  'methods.oauth.cancelled': 'Connecting the account was cancelled.',
  'methods.oauth.refused':
    'The sign-in was refused on the {provider} page: start again and accept the permissions Postier asks for.',
  'methods.oauth.failed':
    '{provider} did not grant access ({detail}): check the application (client) id and the tenant in the account settings, then start again.',
  'methods.oauth.pageDone':
    'Postier is connected to your mail account. You can close this window and go back to Postier.',
  'methods.oauth.pageRefused':
    'The sign-in was not granted. You can close this window and go back to Postier.',
  'methods.oauth.pageUnknown':
    'This page matches no sign-in in progress in Postier. You can close this window.',

  'methods.imap.authRefused':
    'The IMAP server {host} refuses the user name {user} ({detail}): check the account’s user name and password (or reconnect the Microsoft 365 / Google account).',
  'methods.imap.tls':
    'The security certificate of the IMAP server {host} is not recognised ({detail}): check the IMAP server’s name.',
  'methods.imap.unreachable':
    'Cannot reach the IMAP server {host} on port {port} ({detail}): check its name and port (993 for TLS, 143 for STARTTLS) and the Internet connection.',
  'methods.imap.sentMissing':
    'The folder “{folder}” does not exist on the IMAP server: choose one of these folders for sent copies: {folders}.',
  'methods.imap.sentUnknown':
    'The IMAP server does not say which folder holds sent messages: choose it in the account settings among {folders}.',
  'methods.sentCopy.failed': 'copy to the sent items impossible: {reason}',

  'bounces.reason.unknown_address': 'unknown address',
  'bounces.reason.mailbox_full': 'mailbox full',
  'bounces.reason.domain_not_found': 'domain not found',
  'bounces.reason.refused_as_spam': 'refused as spam',
  'bounces.reason.mailbox_disabled': 'mailbox disabled',
  'bounces.reason.message_too_large': 'message too large',
  'bounces.reason.expired': 'could not be delivered after several days of attempts',
  'bounces.reason.refused': 'refused by the recipient’s server',
  'bounces.lastError':
    'Message returned for {address}: {reason} ({status}). Correct the address and send the document again.',
  'bounces.journal':
    'Message returned in error for {address}: {reason} (code {status}). Correct the address in the record, then “Fix the address and send again”.',

  'methods.error.provider':
    'Unknown provider “{value}”: choose microsoft (Microsoft 365) or google (Google Workspace, Gmail).',
  'methods.error.outlookMode':
    'Unknown Outlook mode “{value}”: choose send (Outlook sends at once) or review (each message opens for checking).',
  'methods.error.tenant':
    'The Microsoft 365 tenant “{value}” is not valid: enter its domain (for example residence.onmicrosoft.com) or its id.',
  'methods.error.imapSecurity':
    'Unknown IMAP encryption “{value}”: choose tls (port 993), starttls (port 143) or none.',
  'methods.error.imapHost':
    'The IMAP server name “{value}” is not valid: write the name only, for example outlook.office365.com.',
  'methods.error.imapPort':
    'The IMAP port “{value}” is not valid: most often 993 (TLS) or 143 (STARTTLS).',
  'methods.error.authority':
    'The sign-in address “{value}” is not valid: a full https:// address is needed, for example https://login.microsoftonline.com/residence.onmicrosoft.com/v2.0.',
  'methods.error.text':
    'The field “{field}” may contain no line break or control character and at most {max} characters: correct it.',
  'methods.error.unknownKind': 'Unknown sending method “{value}”.',
  'methods.error.notOAuth':
    'The account is of type “{kind}”, which does not sign in to Microsoft 365 or Google: choose graph, gmail-api or smtp-oauth.',
  'methods.error.oauthIncomplete':
    'The “{kind}” account has no application (client) id or provider yet: enter them in the account settings (postier account set --client-id … --provider …).',
  'methods.error.imapRequired':
    'The account {account} has no IMAP server: enter it in the account settings (postier account set --imap-host …) for sent copies and reading bounces.',
  'methods.imap.passwordMissing':
    'The account’s password ({user}) is not saved on this computer: enter it again in the sending account settings; the IMAP mailbox uses the same.',

  'methods.outlook.windowsOnly':
    'Sending through Outlook is only possible on Windows with Outlook installed: choose another sending method on this computer.',
  'methods.outlook.missing':
    'Outlook does not answer on this computer ({detail}): check that Outlook (desktop) is installed and set up, then try again.',
  'methods.outlook.refused':
    'Outlook refused this message ({detail}): check the addresses and attachments, then validate it again.',
  'methods.thunderbird.missing':
    'Thunderbird cannot be found on this computer (looked in: {places}): install it or enter its program in the account settings (--thunderbird-path).',
  'methods.thunderbird.failed':
    'Cannot start Thunderbird ({program}: {detail}): check the program entered in the account settings.',
  'methods.emlDraft.noHandler':
    'No mail program could open the draft {file} ({detail}): associate .eml files with your mail program, or open the file yourself.',

  'methods.test.graph':
    'Connected to Microsoft 365 through the Graph API: messages will be sent from {account}.',
  'methods.test.gmail':
    'Connected to Google: the authorization to send through the Gmail API is valid for {account}.',
  'methods.test.smtpOAuth':
    'Connected to {host}, port {port}: the server accepts the OAuth sign-in of {user}.',
  'methods.test.outlook': 'Outlook answers on this computer; accounts set up: {accounts}.',
  'methods.test.thunderbird':
    'Thunderbird found: {program}. Each message will open in a compose window.',
  'methods.test.emlDraft':
    'Each message will be written as an .eml draft in {folder} and opened in your default mail program.',
  'methods.test.imapSent': 'IMAP mailbox {host}: copies will go to the folder “{folder}”.',
  'methods.test.withMailbox': '{sending} {mailbox}',
  'methods.test.imap': 'IMAP mailbox {host}: connected.',

  'bounces.error.disabled':
    'Reading bounces is not turned on for the account {account}: turn it on in the account settings (postier account set --bounces).',
  'bounces.error.mailbox': 'Cannot read the account’s mailbox: {reason}',
  'bounces.error.noMailbox':
    'An account of type “{kind}” has no mailbox Postier can read: bounces arrive in your usual mail program.',

  'methods.error.secretEmpty':
    'No secret was read on standard input: send it for example with “echo secret | postier account connect --client-secret-stdin”.',
  'bounces.cli.summary':
    '{examined, plural, one {# new message} other {# new messages}} read in the mailbox: {bounces, plural, one {# bounce} other {# bounces}}, {ours} for Postier’s messages and {unknown} for other messages (left where they are).',
  'bounces.cli.failed':
    'Message no. {id} to {address}: {reason} ({status}). To fix the address and send it again: postier send fix-address {id} <new address>',
  'bounces.cli.already': 'Message no. {id} to {address}: already failed ({reason}).',
  'bounces.cli.moved':
    '{moved, plural, one {# bounce filed} other {# bounces filed}} in the folder “{folder}”.',
};
