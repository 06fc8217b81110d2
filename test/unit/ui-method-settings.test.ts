// The account page's method part: which fields each sending method shows, and the settings
// saved from what was typed (empty texts clear, the IMAP port a number or nothing).
import { describe, expect, it } from 'vitest';
import { DEFAULT_METHOD_SETTINGS } from '../../src-shared/domain/sending-methods.js';
import {
  methodDraftOf,
  methodSettingsInput,
  sectionsFor,
} from '../../src-renderer/logic/method-settings.js';

const { tokenRef: _key, ...defaults } = DEFAULT_METHOD_SETTINGS;
const draft = methodDraftOf(defaults);

describe('the fields of each method', () => {
  it('shows the app registration and connection for OAuth methods, the tenant for Microsoft only', () => {
    expect(sectionsFor('graph', draft, null)).toMatchObject({
      oauth: true,
      tenant: true,
      clientSecret: false,
      smtpServer: false,
      bounces: true,
      sentCopy: false,
      cannotPace: false,
    });
    expect(sectionsFor('gmail-api', draft, null)).toMatchObject({
      oauth: true,
      tenant: false,
      clientSecret: true,
    });
    expect(sectionsFor('smtp-oauth', { ...draft, provider: '' }, 'google')).toMatchObject({
      providerChoice: true,
      smtpServer: true,
      smtpPassword: false,
      tenant: false,
      clientSecret: true,
    });
    expect(sectionsFor('smtp-oauth', { ...draft, provider: 'microsoft' }, 'google')).toMatchObject({
      tenant: true,
      clientSecret: false,
    });
  });

  it('asks for the IMAP server only when the Sent copy or the bounces need it', () => {
    expect(sectionsFor('smtp', draft, null)).toMatchObject({ smtpPassword: true, imap: false });
    expect(sectionsFor('smtp', { ...draft, sentCopy: true }, null).imap).toBe(true);
    expect(sectionsFor('smtp', { ...draft, bounces: true }, null).imap).toBe(true);
    // Graph and Gmail read their mailbox through their API: no IMAP server to give.
    expect(sectionsFor('graph', { ...draft, bounces: true }, null).imap).toBe(false);
  });

  it('says which methods cannot pace a large batch, and has no mailbox for mail clients', () => {
    expect(sectionsFor('outlook', { ...draft, outlookMode: 'review' }, null)).toMatchObject({
      outlook: true,
      cannotPace: true,
      bounces: false,
    });
    expect(sectionsFor('outlook', { ...draft, outlookMode: 'send' }, null).cannotPace).toBe(false);
    expect(sectionsFor('thunderbird', draft, null)).toMatchObject({
      thunderbird: true,
      cannotPace: true,
    });
    expect(sectionsFor('eml-draft', draft, null)).toMatchObject({
      cannotPace: true,
      bounces: false,
      oauth: false,
    });
    expect(sectionsFor('sandbox', draft, null).cannotPace).toBe(false);
  });
});

describe('the settings saved from the form', () => {
  it('gives back what was loaded, texts included', () => {
    const loaded = {
      ...defaults,
      provider: 'microsoft' as const,
      clientId: 'abc',
      imap: { host: 'imap.example.com', port: 993, security: 'tls' as const, username: null },
    };
    expect(methodSettingsInput(methodDraftOf(loaded))).toEqual({
      provider: 'microsoft',
      clientId: 'abc',
      tenant: '',
      authority: '',
      outlookMode: 'review',
      thunderbirdPath: '',
      sentCopy: false,
      sentFolder: '',
      bounces: false,
      bounceFolder: 'Postier/Retours',
      imap: { host: 'imap.example.com', port: 993, security: 'tls', username: '' },
    });
  });

  it('turns an empty port into none and no provider into null', () => {
    const input = methodSettingsInput({ ...draft, imapPort: '', provider: '' });
    expect(input.imap.port).toBeNull();
    expect(input.provider).toBeNull();
  });
});
