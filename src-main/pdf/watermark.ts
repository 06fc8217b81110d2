// The draft watermark: red, semi-transparent, along the page's rising diagonal, drawn as real
// text so that it stays searchable and a reader can quote it.
import { pdfLayout } from './layout.js';
import { toWinAnsi } from './win-ansi.js';

const WATERMARK_FONT = 'Helvetica-Bold';

/** Draws `text` across the current page of `doc`, on top of what is already there. */
export function drawWatermark(doc: PDFKit.PDFDocument, text: string): void {
  const style = pdfLayout().watermark;
  const line = toWinAnsi(text);
  const { width, height } = doc.page;
  const diagonal = Math.hypot(width, height);
  doc.font(WATERMARK_FONT).fontSize(1);
  const fontSize = Math.min(
    style.maxFontSize,
    (diagonal * style.diagonalShare) / doc.widthOfString(line),
  );
  doc.fontSize(fontSize);
  const textWidth = doc.widthOfString(line);
  const angle = -(Math.atan2(height, width) * 180) / Math.PI;
  const center = { x: width / 2, y: height / 2 };
  doc.save();
  doc.rotate(angle, { origin: [center.x, center.y] });
  doc.fillColor(style.color).fillOpacity(style.opacity);
  // lineBreak: false keeps the text on one line and, above all, never adds a page.
  doc.text(line, center.x - textWidth / 2, center.y - fontSize / 2, { lineBreak: false });
  doc.restore();
}
