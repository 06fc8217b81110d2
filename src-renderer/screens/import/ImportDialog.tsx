// Fichier > Importer…: the import wizard. Dossiers from a CSV or Excel file; documents from
// the billing export with the PDF of each (chosen together, matched by their names); or one
// merged PDF cut into documents. Each page goes file → columns → preview → import → result.
import {
  Dialog,
  DialogBody,
  DialogSurface,
  DialogTitle,
  Tab,
  TabList,
  makeStyles,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useApp } from '../../app/app-context.js';
import { DocumentsImport } from './DocumentsImport.js';
import { DossiersImport } from './DossiersImport.js';
import { SplitImport } from './SplitImport.js';

type Kind = 'dossiers' | 'documents' | 'split';

const useStyles = makeStyles({ surface: { width: '1100px', maxWidth: '96vw' } });

export function ImportDialog({ onClose }: { onClose: (imported: boolean) => void }) {
  const styles = useStyles();
  const { t } = useApp();
  const [kind, setKind] = useState<Kind>('dossiers');
  const [imported, setImported] = useState(false);
  const close = () => onClose(imported);
  const header = (
    <TabList
      size="small"
      selectedValue={kind}
      onTabSelect={(_, d) => setKind(d.value as Kind)}
      aria-label={t('ui.import.kind')}
    >
      <Tab value="dossiers">{t('ui.import.kind.dossiers')}</Tab>
      <Tab value="documents">{t('ui.import.kind.documents')}</Tab>
      <Tab value="split">{t('ui.import.kind.split')}</Tab>
    </TabList>
  );
  const page = { header, onImported: () => setImported(true), onClose: close };
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('ui.import.title')}</DialogTitle>
          {kind === 'dossiers' && <DossiersImport {...page} />}
          {kind === 'documents' && <DocumentsImport {...page} />}
          {kind === 'split' && <SplitImport {...page} />}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
