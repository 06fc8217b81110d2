// The two menus of a template's text, in Paramètres > Modèles and in the bulk send: a field
// by its label with an example ("Nom de la personne — Mme Germaine Allard"), and a condition
// in plain words ("Seulement si « Date d’échéance » est renseigné").
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { BranchRegular, TextAddRegular } from '@fluentui/react-icons';
import {
  isStandardField,
  OPTIONAL_FIELDS,
  SIN_FIELD,
} from '../../src-shared/domain/template-fields.js';
import { fieldExample, fieldLabel } from '../../src-shared/domain/template-words.js';
import { useApp } from '../app/app-context.js';

/** What the menus insert into: the fields a template may use, and where they go. */
export interface FieldInserter {
  fields: readonly string[];
  insertField: (field: string) => void;
  insertCondition: (field: string, kind: 'if' | 'unless') => void;
}

interface MenuProps {
  editor: FieldInserter;
  size?: 'small' | 'medium';
  disabled?: boolean;
}

/** The field menu alone (a password rule has fields but no conditions). */
type FieldMenuProps = Omit<MenuProps, 'editor'> & {
  editor: Pick<FieldInserter, 'fields' | 'insertField'>;
};

export function InsertFieldMenu({ editor, size, disabled = false }: FieldMenuProps) {
  const { t, language } = useApp();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          size={size}
          icon={<TextAddRegular />}
          disabled={disabled || editor.fields.length === 0}
        >
          {t('ui.templates.insertField')}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList style={{ maxHeight: 340, overflowY: 'auto' }}>
          {editor.fields.map((field) => (
            <MenuItem key={field} onClick={() => editor.insertField(field)}>
              <strong>{fieldLabel(language, field)}</strong>
              {' — '}
              {fieldExample(language, field) ??
                // The SIN (a password rule's field) is no free field of the dossier.
                t(field === SIN_FIELD ? 'template.field.nas.example' : 'template.field.extra')}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function InsertConditionMenu({ editor, size, disabled = false }: MenuProps) {
  const { t, language } = useApp();
  const optional = editor.fields.filter(
    (field) => !isStandardField(field) || OPTIONAL_FIELDS.includes(field),
  );
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button size={size} icon={<BranchRegular />} disabled={disabled || optional.length === 0}>
          {t('ui.templates.insertCondition')}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList style={{ maxHeight: 340, overflowY: 'auto' }}>
          {optional.map((field) => (
            <MenuItem key={`if-${field}`} onClick={() => editor.insertCondition(field, 'if')}>
              {t('ui.templates.condition.if', { label: fieldLabel(language, field) })}
            </MenuItem>
          ))}
          {optional.map((field) => (
            <MenuItem
              key={`unless-${field}`}
              onClick={() => editor.insertCondition(field, 'unless')}
            >
              {t('ui.templates.condition.unless', { label: fieldLabel(language, field) })}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
