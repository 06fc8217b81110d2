// Structures, staff, client groups, dossiers, correspondents, document types and documents.
// Frozen in time: never edit once released; add a new migration instead.
import { sql, type Kysely } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('structures')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('fr-CA'))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CAD'))
    .addColumn('sender_name', 'text')
    .addColumn('functional_email', 'text')
    .addColumn('communication_email', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('structure_id', 'integer', (c) =>
      c.notNull().references('structures.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('client_groups')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('structure_id', 'integer', (c) =>
      c.notNull().references('structures.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('client_groups_structure_name', ['structure_id', 'name'])
    .execute();

  await db.schema
    .createTable('dossiers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('structure_id', 'integer', (c) =>
      c.notNull().references('structures.id').onDelete('restrict'),
    )
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('manager_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('group_id', 'integer', (c) => c.references('client_groups.id').onDelete('set null'))
    .addColumn('email_opt_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sin', 'text')
    .addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('dossiers_structure_number', ['structure_id', 'number'])
    .execute();
  await db.schema
    .createIndex('dossiers_last_name')
    .on('dossiers')
    .columns(['last_name', 'first_name'])
    .execute();

  await db.schema
    .createTable('correspondents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('dossier_id', 'integer', (c) =>
      c.notNull().references('dossiers.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('relation', 'text')
    .addColumn('email', 'text')
    .addColumn('receives_documents', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('correspondents_dossier')
    .on('correspondents')
    .column('dossier_id')
    .execute();
  await db.schema
    .createIndex('correspondents_email')
    .on('correspondents')
    .column('email')
    .execute();

  await db.schema
    .createTable('document_types')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('password_rule', 'text')
    .addColumn('password_fallback', 'text')
    .addColumn('watermark', 'text')
    .addColumn('requires_summary_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // Every column is given: a multi-row insert writes NULL, not the default, for a missing one.
  const sinRule = { password_rule: '{{nas}}', password_fallback: '000000000' };
  const noRule = { password_rule: null, password_fallback: null };
  await db
    .insertInto('document_types')
    .values([
      {
        code: 'invoice',
        name_fr: 'Facture',
        name_en: 'Invoice',
        ...noRule,
        watermark: null,
        requires_summary_number: 0,
      },
      {
        code: 'notice',
        name_fr: 'Avis d’échéance',
        name_en: 'Due notice',
        ...noRule,
        watermark: null,
        requires_summary_number: 0,
      },
      {
        code: 'taxslip',
        name_fr: 'Relevé fiscal',
        name_en: 'Tax slip',
        ...sinRule,
        watermark: null,
        requires_summary_number: 1,
      },
      {
        code: 'statement',
        name_fr: 'Relevé de compte',
        name_en: 'Account statement',
        ...noRule,
        watermark: null,
        requires_summary_number: 0,
      },
      {
        code: 'verification',
        name_fr: 'Formulaire de vérification',
        name_en: 'Verification form',
        ...sinRule,
        watermark: 'EXEMPLAIRE DE DÉMONSTRATION — non valide',
        requires_summary_number: 0,
      },
    ])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('structure_id', 'integer', (c) =>
      c.notNull().references('structures.id').onDelete('restrict'),
    )
    .addColumn('dossier_id', 'integer', (c) =>
      c.notNull().references('dossiers.id').onDelete('restrict'),
    )
    .addColumn('type_id', 'integer', (c) =>
      c.notNull().references('document_types.id').onDelete('restrict'),
    )
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('tax_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lines', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('summary_number', 'text')
    .addColumn('pdf_path', 'text')
    .addColumn('pdf_source', 'text', (c) => c.notNull().defaultTo('generated'))
    .addColumn('email_state', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('last_sent_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('documents_structure_type_number', ['structure_id', 'type_id', 'number'])
    .execute();
  // The journal filters by structure, type and period and sorts by date: one index serves it.
  await db.schema
    .createIndex('documents_journal')
    .on('documents')
    .columns(['structure_id', 'type_id', 'period', 'issue_date'])
    .execute();
  await db.schema
    .createIndex('documents_issue_date')
    .on('documents')
    .columns(['issue_date', 'id'])
    .execute();
  await db.schema.createIndex('documents_dossier').on('documents').column('dossier_id').execute();
  // The same filters across all structures (one-structure offices never name it).
  await db.schema
    .createIndex('documents_period_type')
    .on('documents')
    .columns(['period', 'type_id'])
    .execute();
  await db.schema
    .createIndex('documents_email_state')
    .on('documents')
    .column('email_state')
    .execute();

  await db.schema
    .createTable('document_attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_id', 'integer', (c) =>
      c.notNull().references('documents.id').onDelete('cascade'),
    )
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_path', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('document_attachments_document')
    .on('document_attachments')
    .column('document_id')
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'settings',
    'document_attachments',
    'documents',
    'document_types',
    'correspondents',
    'dossiers',
    'client_groups',
    'staff',
    'structures',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
