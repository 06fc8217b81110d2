// The look every page of Paramètres shares: a two-column form of labelled fields, section
// titles, the buttons row, small tables.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useSettingsStyles = makeStyles({
  screen: { display: 'flex', flexGrow: 1, minHeight: 0, gap: '8px', padding: '8px' },
  nav: {
    width: '220px',
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: '6px 0',
    // Fluent centres each tab's text in the width of its bold version: the names started at
    // different places. They line up on the left, like a Windows list of pages.
    '& .fui-Tab': { justifyContent: 'flex-start' },
    '& .fui-Tab__content': { justifySelf: 'start', textAlign: 'start' },
  },
  page: {
    flexGrow: 1,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: '12px 18px',
  },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(220px, 360px))',
    gap: '10px 16px',
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
  /** As wide as the two columns of the form. */
  formWidth: { maxWidth: '736px' },
  pair: { display: 'flex', gap: '8px' },
  title: {
    margin: '0 0 12px',
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  section: {
    margin: '16px 0 0',
    paddingBottom: '4px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    gridColumn: '1 / -1',
  },
  actions: { display: 'flex', gap: '8px', marginTop: '14px', flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%' },
  th: { textAlign: 'start', padding: '4px 8px', backgroundColor: tokens.colorNeutralBackground3 },
  td: { padding: '4px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});
