// Reading billing exports: encodings, delimiters, line numbers, French cell values, header
// guesses, PDF file names and split keys.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  readAmount,
  readDate,
  readDocumentType,
  readPeriod,
  readYesNo,
} from '../../src-main/imports/cell-values.js';
import {
  guessMapping,
  normalizeHeader,
  resolveMapping,
} from '../../src-main/imports/column-mapping.js';
import { detectDelimiter, parseDelimited } from '../../src-main/imports/delimited-text.js';
import {
  compileNamePattern,
  matchPdfFiles,
  type MatchableRow,
} from '../../src-main/imports/pdf-matching.js';
import { compileKey, groupPages } from '../../src-main/imports/pdf-split.js';
import { rejectDuplicates } from '../../src-main/imports/row-problems.js';
import { decodeText, detectEncoding } from '../../src-main/imports/text-decoding.js';
import { csvField, toCsv } from '../../src-main/exports/csv-writer.js';

const ACCENTED = 'Nom;Prénom\r\nCôté;Hélène « Lélé »\r\nÇa;Éric\r\n';

describe('encodings', () => {
  it('reads Windows-1252 (French ANSI exports) with its accents and quotes', () => {
    const bytes = iconv.encode(`${ACCENTED}Dupré;L’Œuf 12 €\r\n`, 'win1252');
    expect(detectEncoding(bytes)).toBe('win1252');
    expect(decodeText(bytes).text).toBe(`${ACCENTED}Dupré;L’Œuf 12 €\r\n`);
  });

  it('reads UTF-8 with or without a BOM, and UTF-16 with its BOM, and drops the BOM', () => {
    const plain = Buffer.from(ACCENTED, 'utf8');
    expect(decodeText(plain)).toMatchObject({
      encoding: 'utf8',
      text: ACCENTED,
      overridden: false,
    });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    expect(decodeText(bom)).toMatchObject({ encoding: 'utf8', text: ACCENTED });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ACCENTED, 'utf16le')]);
    expect(decodeText(utf16)).toMatchObject({ encoding: 'utf16le', text: ACCENTED });
  });

  it('lets the user correct a wrong guess', () => {
    // Plain ASCII with one UTF-8 "é" is valid UTF-8; read as 1252 it would show "Ã©".
    const bytes = Buffer.from('Nom\r\nCôté\r\n', 'utf8');
    expect(decodeText(bytes, 'win1252').text).toContain('CÃ´tÃ©');
    expect(decodeText(bytes, 'win1252').overridden).toBe(true);
    expect(decodeText(bytes, 'utf8').text).toContain('Côté');
  });
});

describe('delimiters and line numbers', () => {
  it.each([
    [';', 'a;b;c\n1;2,5;3\n4;5,5;6\n'],
    [',', 'a,b,c\n1,"2;5",3\n4,"5;5",6\n'],
    ['\t', 'a\tb\tc\n1\t2,5\t3\n4\t5;5\t6\n'],
  ])('finds %j by consistency, quotes respected', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('numbers each record with the line an editor shows, after multi-line quoted fields', () => {
    const text = 'Nom;Adresse\r\nA;"1 rue X\r\nApp. 2\r\nMontréal"\r\n\r\nB;"2 rue Y"\r\nC;3\r\n';
    const { records } = parseDelimited(text, ';', 'f.csv');
    expect(records.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'Nom'],
      [2, 'A'],
      [6, 'B'],
      [7, 'C'],
    ]);
    expect(records[1]!.cells[1]).toBe('1 rue X\nApp. 2\nMontréal');
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseDelimited('a;b\n1;2\n3;"oops\n', ';', 'f.csv')).toThrowError(
      expect.objectContaining({
        code: 'import.error.csvSyntax',
        params: expect.objectContaining({ file: 'f.csv' }),
      }),
    );
  });
});

describe('French cell values', () => {
  it.each([
    ['1 234,56', 123456],
    ['1\u00a0234,56 €', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['$ 12', 1200],
    ['-7,05', -705],
    ['10.004999999', 1000],
  ])('amount %j → %i cents', (text, cents) => expect(readAmount(text)).toBe(cents));

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '12,3,4', '1 2 3,456,7']) expect(readAmount(text)).toBeNull();
  });

  it.each([
    ['31/10/2026', '2026-10-31'],
    ['1/2/2026', '2026-02-01'],
    ['31.10.26', '2026-10-31'],
    ['2026-10-31', '2026-10-31'],
    ['2026-10-31T00:00:00', '2026-10-31'],
    ['31/02/2026', null],
    ['10/2026', null],
  ])('date %j → %j', (text, iso) => expect(readDate(text)).toBe(iso));

  it.each([
    ['2026-10', '2026-10'],
    ['10/2026', '2026-10'],
    ['202610', '2026-10'],
    ['2026', '2026'],
    ['octobre 2026', '2026-10'],
    ['Févr. 2027', '2027-02'],
    ['31/10/2026', '2026-10'],
    ['13/2026', null],
  ])('period %j → %j', (text, period) => expect(readPeriod(text)).toBe(period));

  it('reads yes/no flags and type names', () => {
    expect(['Oui', 'X', '1', 'vrai', 'yes'].map(readYesNo)).toEqual([true, true, true, true, true]);
    expect(['Non', '', '0', 'faux'].map(readYesNo)).toEqual([false, false, false, false]);
    expect(readYesNo('peut-être')).toBeNull();
    expect(readDocumentType('Facture')).toBe('invoice');
    expect(readDocumentType('Avis d’échéance')).toBe('notice');
    expect(readDocumentType('taxslip')).toBe('taxslip');
    expect(readDocumentType('Relevé de compte')).toBe('statement');
    expect(readDocumentType('Bon de commande')).toBeNull();
  });
});

describe('column guesses', () => {
  it('ignores accents, case, spaces and punctuation', () => {
    expect(normalizeHeader(' N° Dossier ')).toBe('ndossier');
    expect(normalizeHeader('E-mail')).toBe('email');
    const mapping = guessMapping('dossiers', [
      'No client',
      'TITRE',
      'Nom',
      'Prénom',
      'Adresse',
      'Code postal',
      'Ville',
      'Courriel',
      'Courriel 2',
      'N.A.S.',
      'Gestionnaire',
      'Groupe',
      'Opt-in',
      'Remarque',
    ]);
    expect(mapping.columns).toEqual({
      number: 'No client',
      title: 'TITRE',
      lastName: 'Nom',
      firstName: 'Prénom',
      address: 'Adresse',
      postalCode: 'Code postal',
      city: 'Ville',
      email1: 'Courriel',
      email2: 'Courriel 2',
      sin: 'N.A.S.',
      manager: 'Gestionnaire',
      group: 'Groupe',
      emailOptIn: 'Opt-in',
    });
  });

  it('fills the e-mail slots from free-form headers', () => {
    const mapping = guessMapping('dossiers', [
      'Numéro',
      'Nom',
      'E-mail mère',
      'E-mail père 2',
      'Envoi par e-mail',
    ]);
    expect(mapping.columns).toMatchObject({
      number: 'Numéro',
      email1: 'E-mail mère',
      email2: 'E-mail père 2',
      emailOptIn: 'Envoi par e-mail',
    });
  });

  it('tells a document number from a dossier number', () => {
    const mapping = guessMapping('documents', [
      'N° client',
      'N° facture',
      'Date',
      'Échéance',
      'Montant TTC',
      'Type',
    ]);
    expect(mapping.columns).toEqual({
      dossierNumber: 'N° client',
      number: 'N° facture',
      issueDate: 'Date',
      dueDate: 'Échéance',
      amount: 'Montant TTC',
      type: 'Type',
    });
  });

  it('names the missing required column and the columns it found', () => {
    const headers = ['Prénom', 'Courriel'];
    expect(() =>
      resolveMapping('dossiers', headers, guessMapping('dossiers', headers), 'clients.csv'),
    ).toThrowError(
      expect.objectContaining({
        code: 'import.error.missingColumn',
        params: { file: 'clients.csv', column: 'N° dossier', headers: 'Prénom, Courriel' },
      }),
    );
  });
});

describe('duplicates', () => {
  it('leaves out every line of a repeated number, each naming the others', () => {
    const rows = [
      { line: 2, n: 'A' },
      { line: 3, n: 'B' },
      { line: 9, n: 'A' },
      { line: 12, n: 'A' },
    ];
    const { kept, duplicates } = rejectDuplicates(rows, (r) => r.n);
    expect(kept.map((r) => r.line)).toEqual([3]);
    expect(duplicates.map((d) => [d.line, d.params.lines])).toEqual([
      [2, '9, 12'],
      [9, '2, 12'],
      [12, '2, 9'],
    ]);
  });
});

describe('PDF file names', () => {
  const row = (line: number, number: string, dossierNumber: string): MatchableRow => ({
    line,
    number,
    dossierNumber,
    explicitFile: null,
  });

  it('matches numbers on token boundaries only: 12 is not 112 nor F-2026-0012', () => {
    const files = [
      'facture_112.pdf',
      'Facture 12 - Dupré.pdf',
      'F-2026-0012.pdf',
      'F-2026-001.pdf',
      'AE12.pdf',
    ];
    const result = matchPdfFiles(
      [row(2, '12', 'X'), row(3, 'F-2026-001', 'Y'), row(4, '112', 'Z')],
      files,
    );
    expect(Object.fromEntries(result.fileByLine)).toEqual({
      3: 'F-2026-001.pdf',
      4: 'facture_112.pdf',
    });
    // "12" is both in "Facture 12 - Dupré" and "AE12": ambiguous, said so.
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'import.reason.pdfAmbiguous',
        params: expect.objectContaining({ files: 'AE12.pdf, Facture 12 - Dupré.pdf' }),
      }),
    ]);
    expect(result.unmatchedFiles).toEqual([
      'Facture 12 - Dupré.pdf',
      'F-2026-0012.pdf',
      'AE12.pdf',
    ]);
  });

  it('falls back to the dossier number when the dossier has one row', () => {
    const result = matchPdfFiles(
      [row(2, 'F9', 'P5'), row(3, 'F10', 'CA13'), row(4, 'F11', 'CA13')],
      ['P5.pdf', 'CA13.pdf'],
    );
    expect(Object.fromEntries(result.fileByLine)).toEqual({ 2: 'P5.pdf' });
    expect(result.unmatchedFiles).toEqual(['CA13.pdf']);
  });

  it('follows a name template or a regular expression', () => {
    const files = ['avis_1001_dupre.pdf', 'avis_1002_roy.pdf', 'autre.pdf'];
    const template = matchPdfFiles(
      [row(2, '1001', 'A'), row(3, '1002', 'B')],
      files,
      'avis_{numero}_*',
    );
    expect(Object.fromEntries(template.fileByLine)).toEqual({
      2: 'avis_1001_dupre.pdf',
      3: 'avis_1002_roy.pdf',
    });
    const regex = matchPdfFiles([row(2, '1001', 'A')], files, '^avis_(\\d+)_');
    expect(Object.fromEntries(regex.fileByLine)).toEqual({ 2: 'avis_1001_dupre.pdf' });
    expect(() => compileNamePattern('avis_\\d+')).toThrowError(
      expect.objectContaining({ code: 'import.error.pdfPattern' }),
    );
  });
});

describe('split keys', () => {
  it('needs a group, and lets a space match any spacing', () => {
    expect(() => compileKey('Facture n° \\d+')).toThrowError(
      expect.objectContaining({ code: 'import.error.keyNoGroup' }),
    );
    expect(() => compileKey('Facture (')).toThrowError(
      expect.objectContaining({ code: 'import.error.keyInvalid' }),
    );
    expect(compileKey('N° Client : (\\w+)').exec('Contrat : X\nN°Client: P5')?.[1]).toBe('P5');
  });

  it('groups pages until the next key; pages before the first key are set apart', () => {
    const key = compileKey('Facture n° (\\d+)');
    const grouped = groupPages(
      [
        'Sommaire',
        'Facture n° 1001',
        'suite',
        'Facture n° 1002',
        'Facture n° 1002 (2/2)',
        'Facture n° 1001',
      ],
      key,
    );
    expect(grouped.pagesBeforeFirstKey).toEqual([1]);
    expect(grouped.groups.map((g) => [g.key, g.pages])).toEqual([
      ['1001', [2, 3]],
      ['1002', [4, 5]],
      ['1001', [6]],
    ]);
  });
});

describe('CSV writer', () => {
  it('writes what French Excel opens: BOM, semicolons, CRLF, quotes, no formulas', () => {
    expect(
      toCsv([
        ['Nom', 'Montant'],
        ['Côté; "Lélé"', -12.5],
        ['=HYPERLINK("x")', '-3,50'],
        [null, 'a\nb'],
      ]),
    ).toBe(
      '\ufeffNom;Montant\r\n"Côté; ""Lélé""";-12,5\r\n"\'=HYPERLINK(""x"")";-3,50\r\n;"a\nb"\r\n',
    );
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(' lead')).toBe('" lead"');
  });
});
