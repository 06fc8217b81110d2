// The structure's signature in Paramètres > Modèles: its text, and its logo (PNG or JPEG,
// bounded), placed under every message as an embedded image.
import { Button, Field, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { ImageAddRegular, ImageOffRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { signatureSchema } from '../../../src-shared/contract/template-help.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { chooseFiles } from '../../app/files.js';
import { useAsync } from '../../app/use-async.js';
import { useSettingsStyles } from './settings-styles.js';
import { failureText } from './template-texts.js';

export type SignatureView = z.output<typeof signatureSchema>;

/** As in the main side's check (email-templates/signature.ts). */
const LOGO_MAX_KB = 50;

export function useSignature(structureId: number) {
  const { showError } = useApp();
  return useAsync(
    () => call(api.signature.get({ structureId })),
    `signature|${structureId}`,
    showError,
  );
}

export function SignatureSection({
  structureId,
  signature,
}: {
  structureId: number;
  signature: ReturnType<typeof useSignature>;
}) {
  const styles = useSettingsStyles();
  const { t, info, notify } = useApp();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setText(signature.value?.text ?? ''), [signature.value]);

  const run = async (action: () => Promise<SignatureView>, saved = false) => {
    try {
      signature.set(await action());
      setProblem(null);
      if (saved) notify(t('ui.templates.signature.saved'));
    } catch (error) {
      setProblem(failureText(error, t));
    }
  };
  const chooseLogo = async () => {
    try {
      const [file] = await chooseFiles(info.nativeFileDialogs, 'attachment');
      if (file) await run(() => call(api.signature.setLogo({ structureId, file: file.ref })));
    } catch (error) {
      setProblem(failureText(error, t));
    }
  };
  const logo = signature.value?.logo ?? null;

  return (
    <section aria-labelledby="signature-title">
      <h3 id="signature-title" className={styles.section}>
        {t('ui.templates.signature')}
      </h3>
      <div className={styles.form} style={{ marginTop: 10 }}>
        <Field label={t('ui.templates.signature.text')} size="small">
          <Textarea
            size="small"
            rows={4}
            resize="vertical"
            value={text}
            onChange={(_, d) => setText(d.value)}
          />
        </Field>
        <Field label={t('ui.templates.signature.logo')} size="small">
          <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            {logo ? (
              <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
                <img
                  src={logo.dataUrl}
                  alt={t('ui.templates.signature.logo')}
                  style={{ maxHeight: 60, maxWidth: 180, border: '1px solid #ddd' }}
                />
                <span className={styles.note}>
                  {t('ui.templates.signature.logoInfo', {
                    type: logo.contentType === 'image/png' ? 'PNG' : 'JPEG',
                    size: Math.ceil(logo.size / 1024),
                  })}
                </span>
              </div>
            ) : (
              <span className={styles.note}>{t('ui.templates.signature.noLogo')}</span>
            )}
            <div className={styles.pair} style={{ flexWrap: 'wrap' }}>
              <Button size="small" icon={<ImageAddRegular />} onClick={() => void chooseLogo()}>
                {t('ui.templates.signature.chooseLogo')}
              </Button>
              <Button
                size="small"
                icon={<ImageOffRegular />}
                disabled={!logo}
                onClick={() => void run(() => call(api.signature.removeLogo({ structureId })))}
              >
                {t('ui.templates.signature.removeLogo')}
              </Button>
            </div>
            <span className={styles.note}>
              {t('ui.templates.signature.logoHint', { max: LOGO_MAX_KB })}
            </span>
          </div>
        </Field>
      </div>
      {problem && (
        <MessageBar intent="error" style={{ marginTop: 8 }}>
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          icon={<SaveRegular />}
          onClick={() => void run(() => call(api.signature.setText({ structureId, text })), true)}
        >
          {t('ui.templates.signature.save')}
        </Button>
      </div>
    </section>
  );
}
