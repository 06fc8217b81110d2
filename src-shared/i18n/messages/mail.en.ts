import type { mailFr } from './mail.fr.js';

export const mailEn: Record<keyof typeof mailFr, string> = {
  'mailAccount.label.username': 'user name',
  'mailAccount.label.fromName': 'sender name',
  'mailAccount.label.fromAddress': 'sender address',
  'mailAccount.label.replyTo': 'reply-to address',
  'mailAccount.label.archiveBcc': 'archive Bcc',
  'mailAccount.label.maxMessageBytes': 'largest message size',
  'mailAccount.label.delayMs': 'wait between two messages (ms)',
  'mailAccount.label.pauseEvery': 'a pause every N messages',
  'mailAccount.label.pauseMs': 'length of the pause (ms)',
  'mailAccount.label.maxPerRun': 'messages per run at most',
  'mailAccount.label.maxPerDay': 'messages per day at most',
  'mailAccount.label.maxAttempts': 'attempts before failing',
  'mailAccount.label.retryBaseMs': 'wait before a retry (ms)',
  'error.mailAccount.kind': 'Unknown account type “{value}”: choose {kinds}.',
  'error.mailAccount.preset':
    'Unknown account preset “{value}”: choose microsoft365, gmail or relay.',
  'error.mailAccount.security': 'Unknown encryption “{value}”: choose none, starttls or tls.',
  'error.mailAccount.hostRequired':
    'Enter the account’s outgoing (SMTP) server, for example smtp.office365.com.',
  'error.mailAccount.hostInvalid':
    'The server name “{value}” is not valid: write the name only, for example smtp.office365.com (no “https://”, no spaces).',
  'error.mailAccount.port':
    'The port “{value}” is not valid: it is a number from 1 to 65535, most often 587 (STARTTLS) or 465 (TLS).',
  'error.mailAccount.fromRequired':
    'Enter the account’s sender address, for example billing@example.com.',
  'error.mailAccount.address':
    'The address “{value}” in “{labelEn}” is not valid: check it (example: name@domain.com).',
  'error.mailAccount.text':
    'The field “{labelEn}” may contain no line break or control character and at most {max} characters: correct it.',
  'error.mailAccount.number':
    'The setting “{labelEn}” is “{value}”: it must be a whole number from {min} to {max}.',
  'error.mailAccount.passwordWithoutUser':
    'A password was given without a user name: give the account’s user name too (--user).',
  'error.mailAccount.passwordEmpty':
    'No password was read from standard input: send it for example with “echo secret | postier account set --password-stdin …”.',
  'error.mailAccount.notFound':
    'There is no sending account #{id}: it was deleted or never existed.',

  'error.credentials.unreadable':
    'The passwords saved in “{file}” cannot be decrypted (a different key “{keyFile}” or a damaged file): enter the sending account’s password again.',
  'error.credentials.unwritable':
    'The password could not be saved in “{file}” ({reason}): check that you can write to this folder.',
  'mail.credentials.fallback':
    'The system password vault is unavailable ({reason}): Postier’s passwords are saved encrypted in {file}.',

  'mail.failure.host_not_found':
    'The server {host} cannot be found: check its name (for example smtp.office365.com) and this computer’s Internet connection.',
  'mail.failure.port_closed':
    'The server {host} refuses connections on port {port}: check the port number (587 for STARTTLS, 465 for TLS) or ask whether a firewall blocks it.',
  'mail.failure.network_unreachable':
    'The server {host} cannot be reached from this computer: check the network connection.',
  'mail.failure.tls_expected':
    'Port {port} expects an encrypted connection from the start (SSL/TLS): choose “TLS” instead of “{current}”.',
  'mail.failure.tls_unexpected':
    'Port {port} expects an unencrypted connection first, then STARTTLS: choose “STARTTLS” instead of “TLS”.',
  'mail.failure.starttls_unavailable':
    'The server {host} does not offer STARTTLS encryption on port {port}: try port 587 (STARTTLS) or 465 (TLS), or ask your provider for the right settings.',
  'mail.failure.encryption_required':
    'The server {host} requires an encrypted connection: choose “STARTTLS” (port 587) or “TLS” (port 465).',
  'mail.failure.certificate_untrusted':
    'The security certificate of the server {host} is not recognised ({detail}): check the server name; if it is right, report it to your provider.',
  'mail.failure.tls_failed':
    'The encrypted connection to the server {host} failed ({detail}): check the encryption chosen (STARTTLS for port 587, TLS for port 465).',
  'mail.failure.auth_refused':
    'The server {host} refused the user name or password: check them (Microsoft 365 and Gmail sometimes need an app password).',
  'mail.failure.auth_required':
    'The server {host} asks for a user name and password: enter them in the sending account.',
  'mail.failure.password_missing':
    'The sending account’s password ({user}) is not saved on this computer: enter it again in the account settings.',
  'mail.failure.quota_exceeded':
    'The provider accepts no more messages from this account for now (sending limit reached): resume sending later, tomorrow if need be.',
  'mail.failure.timeout':
    'The server {host} does not answer (timed out): the message will be tried again later.',
  'mail.failure.connection_lost':
    'The connection to the server {host} was cut while sending: the message will be tried again.',
  'mail.failure.rate_limited':
    'The server {host} asks to send more slowly: the message will be tried again later.',
  'mail.failure.server_busy':
    'The server {host} refuses this message for now: it will be tried again later.',
  'mail.failure.no_reply':
    'The whole message was handed to the server {host}, but its answer never came ({detail}): it may have accepted it.',
  'mail.failure.recipient_refused':
    'The server refused the recipient: check the e-mail address in the record.',
  'mail.failure.sender_refused':
    'The server refuses the sender address: this account may not send with it; check the sender.',
  'mail.failure.message_too_large':
    'The message is too large for the server: shrink or remove attachments.',
  'mail.failure.message_refused': 'The server refused this message: read its reply for the reason.',
  'mail.failure.invalid_address':
    'The address “{address}” ({field}) is not valid: correct it before sending.',
  'mail.failure.attachment_missing':
    'The attachment “{file}” cannot be found (moved or deleted): prepare the message again.',
  'mail.failure.other': 'Sending failed ({detail}): the message will be tried again.',

  'mail.test.ok':
    'Connected to {host}, port {port} ({security}): the server accepts the user name {user}.',
  'mail.test.okNoAuth': 'Connected to {host}, port {port} ({security}), without a user name.',
  'mail.test.sandbox':
    'Sandbox account: nothing is sent, each message is written to the folder {folder}. Choose an SMTP account to really send.',
  'mail.security.none': 'no encryption',
  'mail.security.starttls': 'STARTTLS',
  'mail.security.tls': 'TLS',
};
