// The choice of a document type (Facture, Avis d'échéance, Relevé 24…), with an optional
// first entry for "any type".
import { Field, Select } from '@fluentui/react-components';
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import { useApp } from '../app/app-context.js';
import { useTypeName } from '../app/type-names.js';

export function DocumentTypeSelect<T extends DocumentTypeCode | ''>({
  label,
  value,
  onChange,
  disabled,
  anyLabel,
}: {
  label: string;
  value: T;
  onChange: (value: T) => void;
  disabled?: boolean;
  /** The label of an empty first entry ("Tous"); none without it. */
  anyLabel?: string;
}) {
  const { documentTypes } = useApp();
  const typeName = useTypeName();
  return (
    <Field label={label} size="small">
      <Select
        size="small"
        value={value}
        disabled={disabled}
        onChange={(_, data) => onChange(data.value as T)}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {documentTypes.map((type) => (
          <option key={type.code} value={type.code}>
            {typeName(type.code)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
