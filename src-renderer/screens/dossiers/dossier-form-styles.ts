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
  // minmax(0, …): a column may shrink below its input's natural width (1024×768 screens).
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 120px) minmax(0, 100px) minmax(0, 1fr) minmax(0, 1fr)',
    gap: '8px 12px',
  },
  half: { gridColumn: 'span 2' },
  fill: { width: '100%', minWidth: 0 },
  wide: { gridColumn: '1 / -1' },
  two: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: '8px 12px',
    alignItems: 'start',
  },
  sin: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'end' },
  sinValue: { fontFamily: tokens.fontFamilyMonospace, padding: '5px 0', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  section: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: '4px 0 0',
  },
  // Fixed layout: the columns share the width there is, each input filling its cell.
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
  },
  cellInput: { width: '100%', minWidth: 0 },
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
