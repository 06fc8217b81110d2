// The dossier form's look: a grid of identity fields, then the correspondents' table.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useDossierFormStyles = makeStyles({
  form: {
    padding: '12px 16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    maxWidth: '900px',
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  grid: { display: 'grid', gridTemplateColumns: '120px 100px 1fr 1fr', gap: '8px 12px' },
  half: { gridColumn: 'span 2' },
  fill: { width: '100%', minWidth: 0 },
  wide: { gridColumn: '1 / -1' },
  two: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '8px 12px', alignItems: 'start' },
  sin: { display: 'flex', gap: '8px', alignItems: 'end' },
  sinValue: { fontFamily: tokens.fontFamilyMonospace, padding: '5px 0' },
  section: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: '4px 0 0',
  },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    padding: '4px 6px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    padding: '3px 6px',
    verticalAlign: 'top',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: '8px' },
});
