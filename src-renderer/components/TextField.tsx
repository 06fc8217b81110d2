// A small labelled text box, the form field most screens are made of.
import { Field, Input, type FieldProps, type InputProps } from '@fluentui/react-components';
import type { Ref } from 'react';

export interface TextFieldProps {
  label: FieldProps['label'];
  value: string;
  onChange: (value: string) => void;
  type?: InputProps['type'];
  placeholder?: string;
  disabled?: boolean;
  hint?: FieldProps['hint'];
  className?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Any other Input property (autoComplete, inputMode, style…). */
  input?: Partial<InputProps>;
}

export function TextField({
  label,
  value,
  onChange,
  type,
  placeholder,
  disabled,
  hint,
  className,
  inputRef,
  input,
}: TextFieldProps) {
  return (
    <Field label={label} size="small" hint={hint} className={className}>
      <Input
        {...input}
        ref={inputRef}
        size="small"
        type={type}
        placeholder={placeholder}
        disabled={disabled}
        value={value}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}
