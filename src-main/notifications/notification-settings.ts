// What the office chose for each notification, and who that comes to. The accounting
// portal's rule: the office picks staff members (or addresses) per event; with nothing
// picked, the cascade decides. Postier's cascade, for events about the whole office (a run
// spans many dossiers, so the portal's dossier manager and client group have no single
// answer): the structure's manager (a staff member the office designates), else the
// structure's functional address (unless it is a no-reply one, which the portal lets the
// office put there as a sender: nobody reads it), else its communication address, else the
// sending account's own address. The first that exists is the one; nothing found: nobody.
// Kept in the settings table (shared by every workstation): notify.<structure>.<event> and
// notify.<structure>.manager.
import {
  defaultChoice,
  NOTIFICATION_EVENTS,
  type NotificationChoice,
  type NotificationEvent,
  type NotificationRecipient,
  type NotificationSettings,
  type NotifiedStaff,
} from '../../src-shared/domain/notifications.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import { listStaffWithLanguage, saveStaff } from '../db/notification-queries.js';
import { findMailAccountByStructure } from '../db/mail-account-queries.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';
import { optionalAddress, storableAddress } from '../records/email-address.js';
import { familyLanguage, requiredText } from '../records/record-input.js';
import type { RecordsService } from '../records/records-service.js';

const choiceKey = (structureId: number, event: NotificationEvent) =>
  `notify.${structureId}.${event}`;
const managerKey = (structureId: number) => `notify.${structureId}.manager`;

export function isNotificationEvent(value: string): value is NotificationEvent {
  return (NOTIFICATION_EVENTS as readonly string[]).includes(value);
}

/** The event as typed (`failures`), or a UserError naming the events there are. */
export function notificationEvent(value: string): NotificationEvent {
  if (isNotificationEvent(value)) return value;
  throw new UserError('notify.error.unknownEvent', {
    event: value,
    events: NOTIFICATION_EVENTS.join(', '),
  });
}

/** What to choose for one event, as the CLI or the window says it. */
export interface ChoiceInput {
  mode: NotificationChoice['mode'];
  staffIds?: number[];
  addresses?: string[];
}

export class NotificationSettingsStore {
  constructor(
    private readonly db: Db,
    private readonly records: RecordsService,
  ) {}

  async staff(structureId: number): Promise<NotifiedStaff[]> {
    return (await listStaffWithLanguage(this.db, structureId)).map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      language: row.language === 'en' ? 'en' : 'fr',
    }));
  }

  /** Adds a staff member, or changes the one of that name; `manager` designates them. */
  async saveStaff(
    structureId: number,
    input: { name: string; email?: string | null; language?: string; manager?: boolean },
  ): Promise<NotifiedStaff> {
    const row = await saveStaff(this.db, structureId, {
      name: requiredText('staffName', 'name', input.name),
      ...(input.email !== undefined && { email: optionalAddress(input.email) }),
      ...(input.language !== undefined && { language: staffLanguage(input.language) }),
    });
    if (input.manager) await writeSetting(this.db, managerKey(structureId), row.id);
    return { ...row, language: row.language === 'en' ? 'en' : 'fr' };
  }

  async setManager(structureId: number, staffId: number | null): Promise<void> {
    if (staffId !== null) await this.staffMember(structureId, staffId);
    await writeSetting(this.db, managerKey(structureId), staffId);
  }

  async choice(structureId: number, event: NotificationEvent): Promise<NotificationChoice> {
    return readSetting(this.db, choiceKey(structureId, event), defaultChoice(event));
  }

  /** Saves the choice for one event: staff must exist and have an address; addresses valid. */
  async setChoice(
    structureId: number,
    event: NotificationEvent,
    input: ChoiceInput,
  ): Promise<NotificationChoice> {
    let choice: NotificationChoice;
    if (input.mode === 'chosen') {
      const staffIds = [...new Set(input.staffIds ?? [])];
      for (const id of staffIds) {
        const member = await this.staffMember(structureId, id);
        if (!member.email) throw new UserError('notify.error.staffNoEmail', { name: member.name });
      }
      const addresses = [...new Set((input.addresses ?? []).map((a) => storableAddress(a)))];
      if (staffIds.length === 0 && addresses.length === 0)
        throw new UserError('notify.error.noChoice', { event });
      choice = { mode: 'chosen', staffIds, addresses };
    } else choice = { mode: input.mode };
    await writeSetting(this.db, choiceKey(structureId, event), choice);
    return choice;
  }

  /** Staff members by name as typed (case and accents as written, whole name). */
  async staffIdsByName(structureId: number, names: string[]): Promise<number[]> {
    const staff = await this.staff(structureId);
    return names.map((name) => {
      const wanted = name.trim().toLocaleLowerCase('fr');
      const found = staff.find((s) => s.name.toLocaleLowerCase('fr') === wanted);
      if (!found)
        throw new UserError('notify.error.unknownStaff', {
          name,
          names: staff.map((s) => s.name).join(', ') || '—',
        });
      return found.id;
    });
  }

  /** Everything `notify show` and Paramètres > Notifications show. */
  async settings(structureId: number): Promise<NotificationSettings> {
    const staff = await this.staff(structureId);
    const managerId = await this.managerId(structureId, staff);
    const events = [];
    for (const event of NOTIFICATION_EVENTS) {
      const choice = await this.choice(structureId, event);
      events.push({ event, choice, recipients: await this.resolve(structureId, choice, staff) });
    }
    return { structureId, managerId, staff, events };
  }

  /** Who the event's notification goes to now (empty: nobody). */
  async recipients(
    structureId: number,
    event: NotificationEvent,
  ): Promise<NotificationRecipient[]> {
    const choice = await this.choice(structureId, event);
    return this.resolve(structureId, choice, await this.staff(structureId));
  }

  private async resolve(
    structureId: number,
    choice: NotificationChoice,
    staff: NotifiedStaff[],
  ): Promise<NotificationRecipient[]> {
    if (choice.mode === 'off') return [];
    const officeLanguage = await this.officeLanguage(structureId);
    if (choice.mode === 'chosen') {
      const chosen: NotificationRecipient[] = [];
      for (const member of staff.filter((s) => choice.staffIds.includes(s.id))) {
        if (member.email) chosen.push(staffRecipient(member, 'staff'));
      }
      for (const address of choice.addresses)
        chosen.push({ address, name: null, language: officeLanguage, source: 'address' });
      return uniqueByAddress(chosen);
    }
    return this.cascade(structureId, staff, officeLanguage);
  }

  /** The first of: manager, functional address, communication address, account's address. */
  private async cascade(
    structureId: number,
    staff: NotifiedStaff[],
    language: Language,
  ): Promise<NotificationRecipient[]> {
    const managerId = await this.managerId(structureId, staff);
    const manager = staff.find((s) => s.id === managerId);
    if (manager?.email) return [staffRecipient(manager, 'manager')];
    const structure = await this.records.getStructure(structureId);
    if (structure.functionalEmail && !isNoReply(structure.functionalEmail))
      return [{ address: structure.functionalEmail, name: null, language, source: 'functional' }];
    if (structure.communicationEmail)
      return [
        { address: structure.communicationEmail, name: null, language, source: 'communication' },
      ];
    const account = await findMailAccountByStructure(this.db, structureId);
    if (account?.from_address)
      return [{ address: account.from_address, name: null, language, source: 'account' }];
    return [];
  }

  private async managerId(structureId: number, staff: NotifiedStaff[]): Promise<number | null> {
    const id = await readSetting<number | null>(this.db, managerKey(structureId), null);
    // A manager since removed is no manager.
    return staff.some((s) => s.id === id) ? id : null;
  }

  private async staffMember(structureId: number, id: number): Promise<NotifiedStaff> {
    const member = (await this.staff(structureId)).find((s) => s.id === id);
    if (!member) throw new UserError('notify.error.unknownStaff', { name: `#${id}`, names: '—' });
    return member;
  }

  /** The office's language (its structure's locale): what a plain address reads. */
  private async officeLanguage(structureId: number): Promise<Language> {
    const structure = await this.records.getStructure(structureId);
    return structure.locale.toLowerCase().startsWith('en') ? 'en' : 'fr';
  }
}

/** noreply@, no-reply@, ne-pas-repondre@, donotreply@…: an address nobody reads. */
export function isNoReply(address: string): boolean {
  const local = address
    .slice(0, address.lastIndexOf('@'))
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return ['noreply', 'donotreply', 'nepasrepondre', 'nereponds', 'nerepondpas'].includes(local);
}

function staffLanguage(value: string): Language {
  try {
    return familyLanguage(value.trim().toLowerCase());
  } catch {
    throw new UserError('notify.error.language', { language: value });
  }
}

function staffRecipient(member: NotifiedStaff, source: 'staff' | 'manager'): NotificationRecipient {
  return { address: member.email!, name: member.name, language: member.language, source };
}

function uniqueByAddress(recipients: NotificationRecipient[]): NotificationRecipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = r.address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
