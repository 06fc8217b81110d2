// The top of the bulk send: which type and period to list (the list follows them; "Afficher"
// reads it again), and the counts; then what the planner warns about (by name, see
// BulkWarnings) and the limit of a method that cannot pace.
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { WARNINGS_SAID_BY_NAME } from '../../../src-shared/domain/bulk-warnings.js';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import { UNPACED_BATCH_LIMIT } from '../../../src-shared/domain/sending-methods.js';
import { useApp } from '../../app/app-context.js';
import { DocumentTypeSelect } from '../../components/DocumentTypeSelect.js';
import { useBulkSendStyles } from './bulk-send-styles.js';
import { BulkWarnings } from './BulkWarnings.js';
import type { BulkSend } from './useBulkSend.js';

export function TypeAndPeriod({ bulk }: { bulk: BulkSend }) {
  const styles = useBulkSendStyles();
  const { t } = useApp();
  const { list } = bulk;
  return (
    <div className={styles.choose}>
      <DocumentTypeSelect<DocumentTypeCode>
        label={t('ui.journal.filter.type')}
        value={bulk.type}
        disabled={!bulk.choosing}
        onChange={bulk.setType}
      />
      <Field label={t('ui.bulk.period')} size="small">
        <Input
          size="small"
          value={bulk.period}
          disabled={!bulk.choosing}
          onChange={(_, d) => bulk.setPeriod(d.value)}
          style={{ width: 100 }}
        />
      </Field>
      <Button size="small" disabled={!bulk.choosing} onClick={bulk.show}>
        {t('ui.bulk.show')}
      </Button>
      {bulk.state.phase === 'loading' && <Spinner size="tiny" label={t('ui.common.loading')} />}
      {list && (
        <span className={styles.note}>
          {t('ui.bulk.counts', {
            checked: bulk.checked.size,
            rows: bulk.rows.length,
            excluded: list.excluded.length,
          })}
        </span>
      )}
    </div>
  );
}

export function ListNotices({ bulk }: { bulk: BulkSend }) {
  const { t, documentTypes, language } = useApp();
  const { list, overLimit } = bulk;
  // The main side names the choice by its code ("invoice 2025"): the clerk reads the type's name.
  const said = (w: { code: string; message: string }) => {
    if (w.code !== 'warning.prepare.noDocuments') return w.message;
    const type = documentTypes.find((d) => d.code === bulk.type);
    const name = type ? (language === 'fr' ? type.nameFr : type.nameEn) : bulk.type;
    return t('warning.prepare.noDocuments', {
      selection: [name, bulk.period.trim()].filter(Boolean).join(' '),
    });
  };
  return (
    <>
      {list?.warnings
        .filter((w) => !WARNINGS_SAID_BY_NAME.includes(w.code))
        .map((w, i) => (
          <MessageBar key={`${w.code}-${i}`} intent="warning" layout="multiline">
            <MessageBarBody>{said(w)}</MessageBarBody>
          </MessageBar>
        ))}
      <BulkWarnings bulk={bulk} />
      {list && !list.canPace && (
        <MessageBar
          intent={overLimit > 0 ? 'error' : 'warning'}
          layout="multiline"
          data-testid="bulk-method-limit"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {t('ui.bulk.cannotPaceTitle', {
                method: t(`ui.settings.account.kind.${list.account.kind}`),
              })}
            </MessageBarTitle>
            {overLimit > 0
              ? t('ui.bulk.tooManyForMethod', {
                  count: bulk.checkedMessages,
                  limit: UNPACED_BATCH_LIMIT,
                })
              : t('ui.bulk.cannotPace', { limit: UNPACED_BATCH_LIMIT })}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
