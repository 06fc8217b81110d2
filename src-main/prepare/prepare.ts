// Preparing a bulk send ("envoi massif"): the chosen documents become one message per
// (document, recipient address) in the outbox, each with its sender, rendered subject and
// bodies, and its files (the PDF encrypted per message when the type has a password rule).
// Everything is checked before anything is queued; every document left out is reported
// with its reason, never skipped silently. The planner works the batch out (planner.ts),
// the queue writer stores it in short transactions (queue-writer.ts). Every door (the
// window, `send prepare`, `watch --queue`, the preparation thread) comes through here, so
// the rules below hold for all of them: the structure's saved template when the send gives
// none, and no large batch for a method that cannot pace it.
import type { BulkWarnings } from '../../src-shared/domain/bulk-warnings.js';
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import { UNPACED_BATCH_LIMIT } from '../../src-shared/domain/sending-methods.js';
import { UserError } from '../../src-shared/errors.js';
import { currentActor, type Actor } from '../workstation/identity.js';
import type { Db } from '../db/connection.js';
import { findDocumentType } from '../db/documents-queries.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import { TemplateSettings } from '../email-templates/template-settings.js';
import type { RecordsService } from '../records/records-service.js';
import { VALIDATION_MODE_SETTING, type ValidationMode } from '../outbox/validation-mode.js';
import { bulkSendList, type BulkSendList } from './bulk-send-list.js';
import type { Plan } from './plan.js';
import { BatchPlanner } from './planner.js';
import type {
  PrepareEvents,
  PrepareInput,
  PrepareResult,
  PrepareWarning,
} from './prepare-input.js';
import { QueueWriter } from './queue-writer.js';
import { buildTestCopy, type TestCopy, type TestCopyChoice } from './test-copy.js';

export { VALIDATION_MODE_SETTING, type ValidationMode };
export type { PrepareEvents, PrepareInput, PrepareResult, PrepareWarning };

export interface PrepareServiceOptions {
  actor?: () => Actor;
  /** Messages per transaction (the first ones smaller, see FIRST_CHUNK). */
  chunkSize?: number;
  /** The structure's templates; else read from the same database. */
  templates?: TemplateSettings;
  /**
   * Whether the structure's sending method can pace a batch (false: it opens a window per
   * message, see methodCanPace). Unset: every method can.
   */
  canPace?: (structureId: number) => Promise<boolean>;
  /**
   * False: the queued messages in a result come without their text and HTML bodies (empty),
   * which stay in the outbox. The preparation thread's results cross to the main thread,
   * where every door needs the counts, addresses and files, none the texts: a batch of
   * 10,000 then never holds (or copies) every rendered message. Default true.
   */
  resultBodies?: boolean;
}

/** The bulk-send dialog's list for a type and period: one planner run, nothing written. */
export interface BulkSendPlan extends BulkSendList {
  /** False: the method opens a window per message; more than UNPACED_BATCH_LIMIT is refused. */
  canPace: boolean;
  validationMode: ValidationMode;
  passwordRule: string | null;
}

export class PrepareService {
  readonly templates: TemplateSettings;
  private readonly planner: BatchPlanner;
  private readonly writer: QueueWriter;
  private readonly canPace: (structureId: number) => Promise<boolean>;

  constructor(
    private readonly db: Db,
    private readonly folder: DataFolder,
    records: RecordsService,
    options: PrepareServiceOptions = {},
  ) {
    this.templates = options.templates ?? new TemplateSettings(db, records);
    this.planner = new BatchPlanner(db, folder, records, this.templates);
    this.writer = new QueueWriter(
      db,
      folder,
      options.actor ?? (() => currentActor()),
      Math.max(1, options.chunkSize ?? 200),
      options.resultBodies ?? true,
    );
    this.canPace = options.canPace ?? (() => Promise.resolve(true));
  }

  /** The fields a template may use for a structure's dossiers: for the template editor. */
  templateFields(structureId?: number): Promise<string[]> {
    return this.templates.fields(structureId);
  }

  async prepare(input: PrepareInput, events: PrepareEvents = {}): Promise<PrepareResult> {
    // A batch to write is streamed: its messages are planned again as they are written.
    const plan = await this.planner.plan(input, { streamed: !input.dryRun });
    if (input.dryRun || plan.size === 0) {
      return {
        batchId: null,
        queued: plan.messages.map((m, index) => plan.preview(m, -(index + 1))),
        excluded: plan.excluded,
        warnings: plan.warnings,
        notices: plan.notices(),
      };
    }
    await this.refuseUnpacedBatch(plan);
    return { ...(await this.writer.queue(plan, events)), notices: plan.notices() };
  }

  /**
   * "M'envoyer un exemplaire": the message the chosen recipient of this send would get, for
   * `to`, files written apart; nothing queued (send/test-copy.ts sends it).
   */
  testCopy(input: PrepareInput, choice: TestCopyChoice, to: string): Promise<TestCopy> {
    return buildTestCopy(this.planner, this.folder, input, choice, to);
  }

  /** What the bulk-send dialog warns about for these documents, text and files: nothing written. */
  async bulkWarnings(input: Omit<PrepareInput, 'dryRun'>): Promise<BulkWarnings> {
    return (await this.planner.plan({ ...input, dryRun: true })).notices();
  }

  /** What the bulk-send dialog lists for a type and period, from one planner run. */
  async planBulkSend(selection: {
    structureId: number;
    type: DocumentTypeCode;
    period: string;
  }): Promise<BulkSendPlan> {
    const plan = await this.planner.plan({ ...selection, dryRun: true });
    const type = await findDocumentType(this.db, selection.type);
    return {
      ...bulkSendList(plan),
      canPace: await this.canPace(plan.structure.id),
      validationMode: await this.validationMode(),
      passwordRule: type?.password_rule ?? null,
    };
  }

  /** Whether queued messages wait for validation (the office-wide setting). */
  validationMode(): Promise<ValidationMode> {
    return readSetting<ValidationMode>(this.db, VALIDATION_MODE_SETTING, 'manual');
  }

  async setValidationMode(mode: ValidationMode): Promise<ValidationMode> {
    await writeSetting(this.db, VALIDATION_MODE_SETTING, mode);
    return mode;
  }

  /**
   * A method that opens a window per message (Thunderbird, an .eml draft, Outlook for
   * review) cannot pace a large batch: above UNPACED_BATCH_LIMIT nothing is queued, and the
   * user is told why, whichever door the batch came through.
   */
  private async refuseUnpacedBatch(plan: Plan): Promise<void> {
    const count = plan.size;
    if (count <= UNPACED_BATCH_LIMIT || (await this.canPace(plan.structure.id))) return;
    throw new UserError('error.prepare.tooManyForMethod', { count, limit: UNPACED_BATCH_LIMIT });
  }
}
